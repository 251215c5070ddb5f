/**
 * The figures a Jiangsu 情况说明 states about the tables: each 项 paragraph of the 财政拨款支出
 * explanation ("2．法院（款）一般行政管理事务（项）支出 6049.97 万元，与上年相比减少 382.92 万元，减少
 * 5.95%") and each 三公 item's share ("因公出国（境）费支出 170 万元，占“三公”经费的 27.39%"). Prose
 * is joined across lines and pages (narrative.ts), so a figure keeps the line it starts on.
 */
import type { DocLine } from './lines';
import { proseOf } from './narrative';
import type { Issue, NarrativeFigure } from './types';

const ITEM = new RegExp(
  '\\d+[．.]\\s*(?:([^（）。；，]+?)（款）)?([^（）。；，]+?)（项）支出\\s*([\\d.]+)\\s*万元，' +
    '(?:与上年相比(增加|减少)\\s*([\\d.]+)\\s*万元，(?:增长|减少)\\s*([\\d.]+)(%?)|与上年(?:一致|持平))',
  'g',
);
const SHARE = /([^，；。：]+?)支出\s*([\d.]+)\s*万元，占“?三公”?经费的\s*([\d.]+)%/g;

export function jiangsuNarrative(lines: DocLine[]): {
  figures: Record<string, NarrativeFigure>;
  issues: Issue[];
} {
  const prose = proseOf(lines);
  const figures: Record<string, NarrativeFigure> = {};
  const issues: Issue[] = [];
  let i = 0;
  for (const m of prose.text.matchAll(ITEM)) {
    const line = prose.lineAt(m.index);
    const put = (name: string, value: string) =>
      (figures[`js.item.${i}.${name}`] = { value, line });
    if (m[1]) put('kuan', m[1].trim());
    put('xiang', m[2]!.trim());
    put('amount', m[3]!);
    if (m[4] === undefined) put('change', '0');
    else put('change', m[4] === '减少' ? `-${m[5]}` : m[5]!);
    if (m[7] === '%') put('percent', m[6]!);
    else if (m[4] !== undefined)
      issues.push({
        line,
        severity: 'warning',
        message: `${m[2]!.trim()}（项）: the change "${m[6]}" is printed without its % sign; its percentage is not checked`,
      });
    i++;
  }
  let k = 0;
  for (const m of prose.text.matchAll(SHARE)) {
    const line = prose.lineAt(m.index);
    figures[`js.share.${k}.item`] = { value: m[1]!.replace(/^.*中[，,]?/, '').trim(), line };
    figures[`js.share.${k}.amount`] = { value: m[2]!, line };
    figures[`js.share.${k}.percent`] = { value: m[3]!, line };
    k++;
  }
  // Said where the explanation's figures start (a table of contents names 情况说明 earlier).
  const first = Object.values(figures).reduce((m, f) => Math.min(m, f.line), Infinity);
  const at = prose.text.search(/情况说明/);
  if (at >= 0)
    issues.push({
      line: Number.isFinite(first) ? first : prose.lineAt(at),
      severity: 'info',
      message:
        '情况说明: only its 项 paragraphs (amount, change, %) and the 三公 shares are read; ' +
        'its other statements are not checked',
    });
  return { figures, issues };
}
