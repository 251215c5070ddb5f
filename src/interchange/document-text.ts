/**
 * What the disclosure importer reads from a document's text beyond the parsed tables and figures:
 * the overview's units and staff (第一部分), a performance form's 项目属性 / 项目期 / 实施单位, and
 * the explanation's 三公 items with the change each states against the prior year (第三部分 七).
 * Pure, on the same text parseDisclosure reads.
 */
import type { SanGongItem, UnitKind } from '../domain';

export interface OverviewUnits {
  /** The unit's own staff, from the line on its organisation (机构设置, 内设, 本单位). */
  staff: number | null;
  /** 下属单位 in the order the overview names them, with the line that names each. */
  subordinates: { name: string; kind: UnitKind; staff: number | null; line: number }[];
}

/** 第一部分: "现有人员N人" of the unit itself, and each "下属事业单位X，现有事业人员N人". */
export function overviewUnits(text: string): OverviewUnits {
  const out: OverviewUnits = { staff: null, subordinates: [] };
  text.split(/\r?\n/).forEach((l, i) => {
    const own = /现有(?:行政|在职)?人员(\d+)人/.exec(l.split('下属')[0] ?? '');
    if (out.staff === null && own && /机构设置|内设|本单位/.test(l)) out.staff = Number(own[1]);
    for (const m of l.matchAll(
      /下属(事业单位|行政单位|单位)([^，,。；;、]+?)[，,]\s*现有(?:事业|行政)?人员(\d+)人/g,
    )) {
      out.subordinates.push({
        name: m[2]!,
        kind: m[1] === '行政单位' ? 'administrative' : 'institution',
        staff: Number(m[3]),
        line: i + 1,
      });
    }
  });
  return out;
}

export interface FormDetails {
  attribute: string | null;
  period: string | null;
  unit: string | null;
}

/**
 * A form's 项目属性 / 项目期 / 实施单位, read from the text lines (tab-separated cells) just above
 * its 年度资金总额 on line `fundsLine`.
 */
export function formDetails(lines: readonly string[], fundsLine: number): FormDetails {
  const out: FormDetails = { attribute: null, period: null, unit: null };
  for (let i = Math.max(0, fundsLine - 8); i < fundsLine; i++) {
    const cells = (lines[i] ?? '').split('\t').map((c) => c.trim());
    const after = (label: RegExp) => {
      const k = cells.findIndex((c) => label.test(c));
      return k < 0 ? null : (cells.slice(k + 1).find((c) => c !== '') ?? null);
    };
    out.attribute ??= after(/^项目属性$/);
    out.period ??= after(/^项目期$/);
    out.unit ??= after(/^实施单位$/);
  }
  return out;
}

/** A 三公 item as the explanation states it, in 万元: this year's figure and its change. */
export interface StatedSanGong {
  amount: string;
  /** Null when the text says the figure is the prior year's (与上年预算数相同, 与上年持平). */
  change: { direction: 'increase' | 'decrease'; amount: string } | null;
}

/** How the explanation names each item (brackets half- or full-width). */
const SANGONG_WORDS: Record<SanGongItem, RegExp> = {
  overseasTravel: /因公出国[(（]境[)）]费/,
  officialReception: /公务接待费/,
  vehiclePurchase: /公务用车购置费/,
  vehicleOperation: /公务用车运行维护费/,
};

/** 七: "公务接待费X万元，比上年减少Y万元" for each item the text states with its change. */
export function statedSanGong(text: string): Partial<Record<SanGongItem, StatedSanGong>> {
  const out: Partial<Record<SanGongItem, StatedSanGong>> = {};
  const prose = text.replace(/\s/g, '');
  for (const [key, re] of Object.entries(SANGONG_WORDS) as [SanGongItem, RegExp][]) {
    const m = new RegExp(
      `${re.source}([\\d.]+)万元[,，]?(与上年预算数相同|与上年持平|比上年(?:预算数)?(增加|减少)([\\d.]+)万元)`,
    ).exec(prose);
    if (!m) continue;
    out[key] = {
      amount: m[1]!,
      change: m[4] ? { direction: m[3] === '增加' ? 'increase' : 'decrease', amount: m[4] } : null,
    };
  }
  return out;
}
