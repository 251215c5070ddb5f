/**
 * The HTML document's two charts (svg.ts) drawn with pdfkit's vector operators: the donut of
 * 基本支出/项目支出 and the bars of the 三公 items. Same data, same colours, same share rule
 * (shares: the explanation's 占比) and the same ring geometry (sectorPath, an SVG path pdfkit
 * draws as is), so the PDF and the HTML never disagree. Labels are text, extractable.
 */
import type { ChartKind } from '../outline';
import { donutSlices, num, PALETTE, sectorPath, shares, type ChartSpec } from '../svg';
import type { PdfWriter } from './writer';

const color = (i: number): string => PALETTE[i % PALETTE.length]!;

function donut(w: PdfWriter, spec: ChartSpec, top: number): number {
  const doc = w.doc;
  const [outer, inner] = [70, 40];
  const cx = w.left + w.width / 2 - 150;
  const cy = top + outer;
  const pct = shares(spec.data.map((d) => d.value));
  const total = spec.data.reduce((a, d) => a + num(d.value), 0);
  if (total === 0)
    doc.path(sectorPath(cx, cy, outer, inner, 0, 2 * Math.PI)).fill('#cccccc', 'even-odd');
  for (const { index, from, to } of donutSlices(spec.data))
    doc.path(sectorPath(cx, cy, outer, inner, from, to)).fill(color(index), 'even-odd');
  doc.fillColor('#555').font('regular').fontSize(9);
  doc.text('合计', cx - inner, cy - 12, { width: 2 * inner, align: 'center', lineBreak: false });
  doc.fillColor('#000').font('bold').fontSize(10);
  doc.text(spec.total ?? total.toFixed(2), cx - inner, cy, {
    width: 2 * inner,
    align: 'center',
    lineBreak: false,
  });
  doc.font('regular').fontSize(9.5);
  spec.data.forEach((d, i) => {
    const y = top + 20 + i * 20;
    doc.rect(cx + outer + 30, y, 10, 10).fill(color(i));
    doc
      .fillColor('#000')
      .text(`${d.label}\u3000${d.value || '0'}${spec.unit}（${pct[i]}%）`, cx + outer + 46, y - 1, {
        lineBreak: false,
      });
  });
  return 2 * outer;
}

function bars(w: PdfWriter, spec: ChartSpec, top: number): number {
  const doc = w.doc;
  doc.font('regular').fontSize(9.5);
  const labelWidth = Math.max(...spec.data.map((d) => doc.widthOfString(d.label))) + 10;
  const area = Math.min(260, w.width - labelWidth - 120);
  const x0 = w.left + (w.width - labelWidth - area - 90) / 2 + labelWidth;
  const max = Math.max(0, ...spec.data.map((d) => num(d.value)));
  const rowH = 24;
  const height = spec.data.length * rowH;
  doc
    .lineWidth(0.6)
    .moveTo(x0, top - 4)
    .lineTo(x0, top + height)
    .stroke('#999');
  spec.data.forEach((d, i) => {
    const y = top + i * rowH;
    const v = num(d.value);
    const len = max > 0 ? (v / max) * area : 0;
    doc.fillColor('#000').text(d.label, x0 - labelWidth, y + 3, {
      width: labelWidth - 8,
      align: 'right',
      lineBreak: false,
    });
    if (len > 0) doc.rect(x0, y + 2, len, 15).fill(color(i));
    doc.fillColor('#000').text(`${d.value || '0'}${spec.unit}`, x0 + len + 5, y + 3, {
      lineBreak: false,
    });
  });
  return height;
}

/** A chart with its title above and its caption below, kept on one page. */
export function drawChart(w: PdfWriter, kind: ChartKind, spec: ChartSpec, caption: string): void {
  const doc = w.doc;
  w.ensure(kind === 'donut' ? 210 : 60 + spec.data.length * 24);
  doc.moveDown(0.5);
  doc.font('bold').fontSize(11).fillColor('#000');
  doc.text(spec.title, w.left, doc.y, { width: w.width, align: 'center' });
  const top = doc.y + 8;
  const height = kind === 'donut' ? donut(w, spec, top) : bars(w, spec, top);
  doc.font('regular').fontSize(9).fillColor('#444');
  doc.text(caption, w.left, top + height + 10, { width: w.width, align: 'center' });
  doc.fillColor('#000').moveDown(0.8);
}
