/**
 * Two small chart kinds as inline SVG strings (no library, no browser): a donut of shares and
 * horizontal bars. Values are the printed figures (strings, e.g. "229.24"); the geometry uses
 * them as numbers, the labels print them as given. Each chart has a <title> (its accessible name)
 * and the same title as visible text.
 */
import { Money } from '../domain';

export interface ChartDatum {
  label: string;
  /** The printed figure ("0" or "" for nothing). */
  value: string;
}

export interface ChartSpec {
  /** The id of the <svg> element (its <title> gets `${id}-title`). */
  id: string;
  title: string;
  /** Printed after values, e.g. 万元. */
  unit: string;
  data: readonly ChartDatum[];
  /** The printed total shown in a donut's middle (default: the sum of the values). */
  total?: string;
}

export const PALETTE = [
  '#2f6fb0',
  '#e0803a',
  '#4a9a5b',
  '#c2464b',
  '#8a63b3',
  '#8c6d4f',
  '#d36fb0',
  '#7f7f7f',
  '#b5b83a',
  '#2fb5c2',
];
const FONT =
  "font-family=\"'Noto Sans CJK SC','Source Han Sans SC','Microsoft YaHei','PingFang SC','SimSun',sans-serif\"";

export const escapeXml = (s: string): string =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

export const num = (v: string): number => {
  const n = Number(v.replace(/,/g, ''));
  return Number.isFinite(n) && n > 0 ? n : 0;
};
const r2 = (n: number): string => (Math.round(n * 100) / 100).toString();
/** Display width of a text in px at `size` (CJK and full-width characters count double). */
const textWidth = (s: string, size: number): number =>
  [...s].reduce((w, ch) => w + (ch.charCodeAt(0) > 0xff ? size : size * 0.6), 0);

/**
 * Share of each value in percent with 2 decimals, as text ("0.00" when the whole is nothing):
 * the explanation's 占比 rule (Money.percent), so a chart never disagrees with the text.
 * Empty, negative or malformed cells count as nothing, as the chart draws them.
 */
export function shares(values: readonly string[]): string[] {
  const amounts = values.map((v) => {
    const t = v.replace(/,/g, '').trim();
    return /^\d+(\.\d{1,2})?$/.test(t) ? t : '0';
  });
  const whole = Money.sum(amounts);
  return amounts.map((a) => Money.percent(a, whole) ?? '0.00');
}

/** The path of a ring sector from angle a0 to a1 (radians, clockwise from 12 o'clock). */
export function sectorPath(
  cx: number,
  cy: number,
  outer: number,
  inner: number,
  a0: number,
  a1: number,
): string {
  const pt = (r: number, a: number): string =>
    `${r2(cx + r * Math.sin(a))} ${r2(cy - r * Math.cos(a))}`;
  if (a1 - a0 >= 2 * Math.PI - 1e-9) {
    // A whole ring: two half-circle arcs outside, two inside (even-odd fill leaves the hole).
    return `M ${pt(outer, 0)} A ${outer} ${outer} 0 1 1 ${pt(outer, Math.PI)} A ${outer} ${outer} 0 1 1 ${pt(outer, 0)} Z M ${pt(inner, 0)} A ${inner} ${inner} 0 1 0 ${pt(inner, Math.PI)} A ${inner} ${inner} 0 1 0 ${pt(inner, 0)} Z`;
  }
  const large = a1 - a0 > Math.PI ? 1 : 0;
  return `M ${pt(outer, a0)} A ${outer} ${outer} 0 ${large} 1 ${pt(outer, a1)} L ${pt(inner, a1)} A ${inner} ${inner} 0 ${large} 0 ${pt(inner, a0)} Z`;
}

function open(spec: ChartSpec, width: number, height: number): string {
  const t = escapeXml(spec.title);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" id="${escapeXml(spec.id)}" class="chart" role="img" aria-labelledby="${escapeXml(spec.id)}-title" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ${FONT} font-size="13">` +
    `<title id="${escapeXml(spec.id)}-title">${t}</title>` +
    `<text x="${width / 2}" y="20" text-anchor="middle" font-size="15" font-weight="bold">${t}</text>`
  );
}

/**
 * The sectors of a donut: each datum with a value, its start and end angle (radians, clockwise
 * from 12 o'clock) in proportion to the values' sum; none when they sum to nothing.
 */
export function donutSlices(
  data: readonly ChartDatum[],
): { index: number; from: number; to: number }[] {
  const total = data.reduce((a, d) => a + num(d.value), 0);
  if (total === 0) return [];
  let a = 0;
  return data.flatMap((d, index) => {
    const v = num(d.value);
    if (v === 0) return [];
    const from = a;
    a += (v / total) * 2 * Math.PI;
    return [{ index, from, to: a }];
  });
}

/** A donut with a legend (label, value and share) on the right; the total in the middle. */
export function donutChart(spec: ChartSpec): string {
  const cx = 120;
  const cy = 140;
  const [outer, inner] = [95, 55];
  const pct = shares(spec.data.map((d) => d.value));
  const total = spec.data.reduce((a, d) => a + num(d.value), 0);
  const legendRows = spec.data.map(
    (d, i) => `${d.label}\u3000${d.value || '0'}${spec.unit}（${pct[i]}%）`,
  );
  const width = Math.max(
    420,
    Math.ceil(250 + Math.max(0, ...legendRows.map((l) => textWidth(l, 13))) + 30),
  );
  const height = Math.max(260, 60 + spec.data.length * 24);
  const parts: string[] = [open(spec, width, height)];
  if (total === 0) {
    parts.push(
      `<circle cx="${cx}" cy="${cy}" r="${(outer + inner) / 2}" fill="none" stroke="#ccc" stroke-width="${outer - inner}"/>`,
    );
  }
  for (const { index: i, from, to } of donutSlices(spec.data))
    parts.push(
      `<path class="slice" d="${sectorPath(cx, cy, outer, inner, from, to)}" fill="${PALETTE[i % PALETTE.length]}" fill-rule="evenodd" stroke="#fff" stroke-width="1"><title>${escapeXml(legendRows[i]!)}</title></path>`,
    );
  parts.push(
    `<text x="${cx}" y="${cy - 4}" text-anchor="middle" font-size="12" fill="#555">合计</text>`,
  );
  parts.push(
    `<text x="${cx}" y="${cy + 14}" text-anchor="middle" font-size="14" font-weight="bold">${escapeXml(spec.total ?? total.toFixed(2))}</text>`,
  );
  spec.data.forEach((_, i) => {
    const y = 60 + i * 24;
    parts.push(
      `<rect x="250" y="${y - 11}" width="14" height="14" fill="${PALETTE[i % PALETTE.length]}"/>`,
    );
    parts.push(`<text class="legend" x="272" y="${y}">${escapeXml(legendRows[i]!)}</text>`);
  });
  parts.push('</svg>');
  return parts.join('');
}

/** Horizontal bars, one per datum, the printed value after each bar (zero values print 0). */
export function barChart(spec: ChartSpec): string {
  const labelWidth = Math.ceil(Math.max(60, ...spec.data.map((d) => textWidth(d.label, 13)))) + 16;
  const barArea = 280;
  const width = labelWidth + barArea + 110;
  const rowH = 34;
  const top = 40;
  const height = top + spec.data.length * rowH + 20;
  const max = Math.max(0, ...spec.data.map((d) => num(d.value)));
  const parts: string[] = [open(spec, width, height)];
  parts.push(
    `<line x1="${labelWidth}" y1="${top - 6}" x2="${labelWidth}" y2="${height - 14}" stroke="#999"/>`,
  );
  spec.data.forEach((d, i) => {
    const y = top + i * rowH;
    const v = num(d.value);
    const w = max > 0 ? (v / max) * barArea : 0;
    parts.push(
      `<text x="${labelWidth - 8}" y="${y + 17}" text-anchor="end">${escapeXml(d.label)}</text>`,
    );
    parts.push(
      `<rect class="bar" x="${labelWidth}" y="${y + 4}" width="${r2(w)}" height="20" fill="${PALETTE[i % PALETTE.length]}"><title>${escapeXml(`${d.label}\u3000${d.value || '0'}${spec.unit}`)}</title></rect>`,
    );
    parts.push(
      `<text class="value" x="${r2(labelWidth + w + 6)}" y="${y + 19}">${escapeXml(`${d.value || '0'}${spec.unit}`)}</text>`,
    );
  });
  parts.push('</svg>');
  return parts.join('');
}
