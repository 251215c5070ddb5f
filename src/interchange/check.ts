/**
 * checkPublished(parsed) → the consistency report of a document as published: the domain's rules
 * (checkFigures) on the parsed FigureSet, plus the rules only a published document needs
 * (published-rules, shanghai-rules).
 */
import { checkFigures, type ConsistencyReport, type Finding } from '../domain/disclosure';
import { toFigureSet } from './figure-set';
import { PUBLISHED_RULES } from './published-rules';
import { jiangsuFindings } from './jiangsu-rules';
import { shanghaiFindings } from './shanghai-rules';
import type { ParsedDisclosure } from './types';
import { statementFindings } from './item-rules';
import { notesEmpty, unreadFigure, type SkippedRule } from './unread';

/**
 * A rule named after a table the document does not print cannot apply (Shanghai prints no project
 * tables: 't12+t13=t03.project' would compare 项目支出 with nothing). An empty table's missing
 * note is excused where the explanation states that budget as 0 (Shanghai: "政府性基金拨款支出预算为0"),
 * which is the 说明 the rule asks for, and where the table's own note says it is empty in other
 * words (Shanghai: "本表为空表").
 */
function applicable(d: ParsedDisclosure, f: Finding): boolean {
  const ids = new Set(d.tables.map((t) => t.id));
  const owner = /^(t\d\d|sh\d\d)/.exec(f.ruleId)?.[1];
  if (owner !== undefined && !ids.has(owner)) return false;
  if (f.ruleId === 'table.empty-note') {
    const table = f.cells[0]?.table;
    if (table === 't08' && d.narrative['sh.governmentFund.zero']) return false;
    if (table === 'sh07' && d.narrative['sh.stateCapital.zero']) return false;
    if (notesEmpty(d.tables.find((t) => t.id === table)?.note ?? null)) return false;
  }
  return true;
}

/**
 * The report, and the rules skipped because a figure they need was not read (unread.ts). With the
 * document's text, a Shanghai document's 编制说明 statements are checked too (item-rules.ts).
 */
export function checkPublished(
  d: ParsedDisclosure,
  text?: string,
): ConsistencyReport & { skipped: SkippedRule[] } {
  const set = toFigureSet(d);
  if (d.layout === 'jiangsu-12') return withSkipped(d, jiangsuFindings(set));
  const base = checkFigures(set).findings.filter((f) => applicable(d, f));
  const extra = PUBLISHED_RULES.flatMap((rule) => rule(set)).filter(
    (f): f is Finding => f !== null,
  );
  const layout =
    d.layout === 'shanghai-9'
      ? [...shanghaiFindings(set, d), ...(text === undefined ? [] : statementFindings(d, text))]
      : [];
  return withSkipped(d, [...base, ...extra, ...layout]);
}

function withSkipped(
  d: ParsedDisclosure,
  all: Finding[],
): ConsistencyReport & { skipped: SkippedRule[] } {
  const skipped: SkippedRule[] = [];
  const findings = all.filter((f) => {
    const unread = unreadFigure(d, f);
    if (unread && !skipped.some((s) => s.ruleId === unread.ruleId && s.reason === unread.reason))
      skipped.push(unread);
    return unread === null;
  });
  return {
    skipped,
    findings,
    rounding: findings.filter((f) => f.kind === 'rounding').length,
    inconsistencies: findings.filter((f) => f.kind === 'inconsistency').length,
  };
}
