/**
 * The explanation's figures (第三部分 / 编制说明 / 其他相关情况说明) as printed, under the neutral
 * names the checker uses ('changes.total', 'agencyOperating.amount', …). Prose is joined without
 * separators (extracted Chinese text wraps anywhere, even inside a word across a page break);
 * each figure keeps the line it was printed on. A change is signed: 减少 1.09 → "-1.09".
 */
import type { DocLine } from './lines';
import type { NarrativeFigure } from './types';

const N = '([\\d,]+(?:\\.\\d+)?)';
const SEP = '[，,、]?';
const DIR = '(增加|减少)';
const RATE = '(增长|下降)';

interface Pattern {
  re: RegExp;
  /** [figure name, group index, direction group index for a signed change]. */
  figures: [string, number, number?][];
}

const p = (source: string, figures: Pattern['figures']): Pattern => ({
  re: new RegExp(source, 'd'),
  figures,
});

const PATTERNS: Pattern[] = [
  p(`预算收入总计${N}万元[^。；;]*?比上年${DIR}${N}万元${SEP}${RATE}${N}%`, [
    ['changes.total', 1],
    ['changes.change', 3, 2],
    ['changes.changePercent', 5],
  ]),
  p(`预算收入${N}万元${SEP}主要包括`, [['revenue.total', 1]]),
  p(
    `支出预算${N}万元${SEP}其中[:：]基本支出${N}万元${SEP}占${N}%[；;]项目支出${N}万元${SEP}占${N}%`,
    [
      ['expenditure.total', 1],
      ['expenditure.basic', 2],
      ['expenditure.basicShare', 3],
      ['expenditure.project', 4],
      ['expenditure.projectShare', 5],
    ],
  ),
  p(`财政拨款收支总预算${N}万元`, [['fiscal.total', 1]]),
  // Shanghai's 编制说明: "收入预算17,192万元，其中：财政拨款收入17,192万元" (whole 万元).
  p(`收入预算${N}万元${SEP}其中[:：]财政拨款收入`, [['sh.revenue.total', 1]]),
  p(`政府性基金拨款支出预算为(0)`, [['sh.governmentFund.zero', 1]]),
  p(`国有资本经营预算拨款支出预算为(0)`, [['sh.stateCapital.zero', 1]]),
  p(`一般公共预算当年支出${N}万元${SEP}比上年${DIR}${N}万元${SEP}${RATE}${N}%`, [
    ['generalPublic.amount', 1],
    ['generalPublic.change', 3, 2],
    ['generalPublic.changePercent', 5],
  ]),
  p(`一般公共预算安排基本支出${N}万元`, [['basic.total', 1]]),
  p(`人员经费${N}万元`, [['basic.personnel', 1]]),
  p(`公用经费${N}万元`, [['basic.public', 1]]),
  p(`三公”?经费预算(?:数为)?${N}万元`, [['sanGong.total', 1]]),
  p(
    `机关运行经费(?:财政拨款)?预算(?:为)?${N}万元(?:${SEP}比(?:\\d{4}年|上年)预算?${DIR}${N}万元${SEP}${RATE}${N}%)?`,
    [
      ['agencyOperating.amount', 1],
      ['agencyOperating.change', 3, 2],
      ['agencyOperating.changePercent', 5],
    ],
  ),
  p(
    `纳入绩效目标管理的二级项目(\\d+)个${SEP}共计金额${N}万元。其中[:：]其他运转类项目(\\d+)个${SEP}涉及金额${N}万元[；;]特定目标类项目(\\d+)个${SEP}涉及金额${N}万元`,
    [
      ['performance.managedCount', 1],
      ['performance.managedAmount', 2],
      ['performance.managedOtherOperatingCount', 3],
      ['performance.managedOtherOperating', 4],
      ['performance.managedSpecificTargetCount', 5],
      ['performance.managedSpecificTarget', 6],
    ],
  ),
  p(
    `公开项目绩效目标(\\d+)个${SEP}涉及项目金额${N}万元[^。]*。其中[:：]其他运转类项目(\\d+)个${SEP}涉及项目金额${N}万元[；;]特定目标类项目(\\d+)个${SEP}涉及项目金额${N}万元`,
    [
      ['performance.publishedCount', 1],
      ['performance.publishedAmount', 2],
      ['performance.publishedOtherOperatingCount', 3],
      ['performance.publishedOtherOperating', 4],
      ['performance.publishedSpecificTargetCount', 5],
      ['performance.publishedSpecificTarget', 6],
    ],
  ),
];

const PROCUREMENT = new RegExp(
  `政府采购预算(?:总额)?${N}万元[。，,]?其中[:：]政府采购货物预算${N}万元${SEP}政府采购工程预算${N}万元${SEP}政府采购服务预算${N}万元`,
  'd',
);

/** The document's prose joined into one string, with the line of every character. */
export interface Prose {
  text: string;
  lineAt(offset: number): number;
}

export function proseOf(lines: DocLine[]): Prose {
  const parts: string[] = [];
  const starts: { offset: number; line: number }[] = [];
  let offset = 0;
  for (const l of lines) {
    if (l.cells !== null || l.shadow) continue;
    const t = l.text.trim();
    if (t === '') continue;
    starts.push({ offset, line: l.no });
    parts.push(t);
    offset += t.length;
  }
  return {
    text: parts.join(''),
    lineAt: (at) => {
      let line = starts[0]?.line ?? 0;
      for (const s of starts) {
        if (s.offset > at) break;
        line = s.line;
      }
      return line;
    },
  };
}

const clean = (n: string): string => n.replace(/,/g, '');

export function narrativeFigures(prose: Prose): Record<string, NarrativeFigure> {
  const out: Record<string, NarrativeFigure> = {};
  for (const pattern of PATTERNS) {
    const m = pattern.re.exec(prose.text);
    if (!m) continue;
    for (const [name, group, direction] of pattern.figures) {
      const value = m[group];
      if (value === undefined) continue;
      const sign = direction !== undefined && m[direction] === '减少' ? '-' : '';
      out[name] = { value: sign + clean(value), line: prose.lineAt(m.indices![group]![0]) };
    }
  }
  return out;
}

export function procurementFigures(
  prose: Prose,
): { goods: string; works: string; services: string; total: string; line: number } | null {
  const m = PROCUREMENT.exec(prose.text);
  if (!m) return null;
  return {
    total: clean(m[1]!),
    goods: clean(m[2]!),
    works: clean(m[3]!),
    services: clean(m[4]!),
    line: prose.lineAt(m.index),
  };
}
