/**
 * parseDisclosure(text) → the neutral structure of a published disclosure: its tables (by title,
 * not position), the explanation's figures, the performance forms' money, and what was not
 * understood. Pure: the caller reads the file.
 */
import { normaliseName } from './amounts';
import { codeBook } from './codes';
import { overviewFigures, readForms } from './forms';
import { splitDocument } from './lines';
import { narrativeFigures, procurementFigures, proseOf } from './narrative';
import { isJiangsu, readJiangsu } from './jiangsu';
import { jiangsuNarrative } from './jiangsu-narrative';
import { segment } from './segment';
import { readTable } from './tables';
import type { Issue, Layout, ParsedDisclosure, ParsedTable } from './types';

function yearOf(text: string): number | null {
  const m = /(20\d{2})年(?:度)?(?:单位|部门|市级单位)?预算/.exec(text);
  return m ? Number(m[1]) : null;
}

function layoutOf(tables: ParsedTable[]): Layout {
  const ids = new Set(tables.map((t) => t.id));
  if (ids.has('sh01') || ids.has('sh09')) return 'shanghai-9';
  if (ids.has('t01') && ids.has('t06')) return 'shanxi-13';
  return 'unknown';
}

/**
 * Codes and names the document prints itself (its functional tables), for tables that print names
 * only.
 */
function ownCodes(tables: ParsedTable[]): Map<string, string> {
  const codes = new Map<string, string>();
  for (const t of tables) {
    const name = t.keys.indexOf('name');
    if (name < 0) continue;
    for (const r of t.rows)
      if (r.code !== null && typeof r.cells[name] === 'string') codes.set(r.code, r.cells[name]!);
  }
  return codes;
}

/**
 * Layout differences the checker must know: a revenue table by Shanghai's sources is not Shanxi's
 * table 2 (its own id, sh02); a summary table printing no carry-over line (Shanghai) has 本年 =
 * 总计, so its 总计 row also stands as the 本年 row the rules compare.
 */
function adapt(t: ParsedTable): ParsedTable {
  if (t.id === 't02' && t.keys.includes('fiscalAppropriation')) return { ...t, id: 'sh02' };
  const keys = new Set(t.rows.map((r) => r.key));
  if (
    (t.id === 't01' || t.id === 't04') &&
    !keys.has('currentYear') &&
    !keys.has('carryover') &&
    keys.has('grandTotal')
  ) {
    const i = t.rows.findIndex((r) => r.key === 'grandTotal');
    return {
      ...t,
      rows: [...t.rows, { ...t.rows[i]!, key: 'currentYear' }],
      rowLines: [...t.rowLines, t.rowLines[i]!],
    };
  }
  return t;
}

/** A Jiangsu tables volume names its year in a title (2019年政府采购预算表) or 2017 年度. */
function jiangsuYear(text: string): number | null {
  const m = /(20\d{2})\s*年(度)?/.exec(text.replace(/^#.*$/gm, ''));
  return m ? Number(m[1]) : null;
}

/** A Jiangsu document: its 12 tables; its 情况说明 is not read (said so). */
function parseJiangsu(text: string): ParsedDisclosure {
  const { tables, unitName, issues } = readJiangsu(text);
  const stated = jiangsuNarrative(splitDocument(text).lines);
  issues.push(...stated.issues);
  return {
    layout: 'jiangsu-12',
    unitName,
    fiscalYear: yearOf(text) ?? jiangsuYear(text),
    tables,
    narrative: stated.figures,
    projectForms: [],
    procurement: null,
    issues: issues.sort((a, b) => a.line - b.line),
  };
}

export function parseDisclosure(text: string): ParsedDisclosure {
  if (isJiangsu(text)) return parseJiangsu(text);
  const { lines } = splitDocument(text);
  const issues: Issue[] = [];
  const { tables: raw, forms, issues: segmentIssues } = segment(lines);
  issues.push(...segmentIssues);
  const fiscalYear = yearOf(text);

  // Coded tables first, so tables printing names only can use the document's own codes.
  const unitNames = new Set(raw.flatMap((t) => (t.unitName ? [normaliseName(t.unitName)] : [])));
  const first = codeBook(fiscalYear, new Map());
  const coded = raw
    .filter((t) => t.kind.family === 'functional')
    .map((t) => readTable(t, first, unitNames, issues));
  const codes = codeBook(fiscalYear, ownCodes(coded));
  const tables = raw.map((t) =>
    adapt(coded.find((c) => c.titleLine === t.titleLine) ?? readTable(t, codes, unitNames, issues)),
  );
  // A table printed twice is checked where it has rows: a table of contents drawn as a table
  // (Shanghai 部门 documents) puts a title over a grid of other titles, which reads as no rows.
  const checked = (id: string) => {
    const same = tables.filter((t) => t.id === id);
    return same.find((t) => t.rows.length > 0) ?? same[0]!;
  };
  for (const id of new Set(tables.map((t) => t.id))) {
    const same = tables.filter((t) => t.id === id);
    if (same.length > 1)
      issues.push({
        line: same[1]!.titleLine,
        severity: 'warning',
        message: `${id} printed twice (lines ${same.map((t) => t.titleLine).join(', ')}); the one at line ${checked(id).titleLine} is checked`,
      });
  }

  const prose = proseOf(lines);
  const { projects, unit } = readForms(forms, issues);
  const narrative = { ...narrativeFigures(prose), ...overviewFigures(lines), ...unit };
  const unitName = raw.find((t) => t.unitName)?.unitName ?? null;
  if (raw.length === 0)
    issues.push({ line: 1, severity: 'warning', message: 'no table recognised' });
  return {
    layout: layoutOf(tables),
    unitName,
    fiscalYear,
    tables: tables.filter((t) => checked(t.id) === t),
    narrative,
    projectForms: projects,
    procurement: procurementFigures(prose),
    issues: issues.sort((a, b) => a.line - b.line),
  };
}
