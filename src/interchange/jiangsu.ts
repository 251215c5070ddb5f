/**
 * The Jiangsu 12-table provincial layout (省级部门预算, 万元): tables recognised by their titles
 * (suffixes such as 收支预算总表, never their position: 2017 documents order them differently) and
 * read into a normalised generic form: one row per printed figure, keyed by what it means.
 *
 * Two sources on each page: the page text (every row, in reading order, but no cell boundaries)
 * and pdfplumber's detected tables (cell boundaries, but titles merged into first cells, several
 * tables on a page, rows missing at page breaks). Coded tables (功能/经济科目, 收入预算总表) are
 * read from the page text: a row starts at its code, amounts follow its name, a wrapped name
 * continues it. Tables whose meaning is the column (收支预算总表, 财政拨款收支预算总表,
 * 支出预算总表, 三公) are read from the detected tables, whose header names each amount column;
 * a detected table is given to a title by its content (its labels), never by its place.
 */
import { isAmount, normaliseAmount, normaliseName } from './amounts';
import { titleKey } from './catalogue';
import { withoutOrdinal } from './codes';
import type { Issue, ParsedTable } from './types';

export type JiangsuId =
  | 'js01'
  | 'js02'
  | 'js03'
  | 'js04'
  | 'js05'
  | 'js06'
  | 'js07'
  | 'js08'
  | 'js09'
  | 'js10'
  | 'js11'
  | 'js12';

/** Title suffixes, first match wins (财政拨款收支预算总表 before 收支预算总表). */
const TITLES: [JiangsuId, RegExp][] = [
  ['js04', /财政拨款收支预算总表$/],
  ['js01', /收支预算总表$/],
  ['js02', /收入预算总表$/],
  ['js03', /支出预算总表$/],
  ['js10', /政府性基金(预算)?(财政拨款)?支出预算表$/],
  ['js06', /财政拨款基本支出预算表(\(经济科目\))?$/],
  ['js05', /财政拨款支出预算表(\(功能科目\))?$/],
  ['js08', /一般公共预算基本支出预算表(\(经济科目\))?$/],
  ['js07', /一般公共预算支出预算表(\(功能科目\))?$/],
  ['js09', /三公经费、?会议费、?培训费支出预算表$/],
  ['js11', /机关运行经费支出预算表$/],
  ['js12', /政府采购(支出)?预算表$/],
];

/** The Jiangsu table a title line names, or null (prose, a 情况说明 heading). */
export function jiangsuIdOf(line: string): JiangsuId | null {
  const key = titleKey(line).replace(/公开表[一二三四五六七八九十]+$/, '');
  if (key.length === 0 || key.length > 60 || /[。，,；;:]/.test(key)) return null;
  return TITLES.find(([, re]) => re.test(key))?.[0] ?? null;
}

/** A Jiangsu document titles a 收支预算总表 and a “三公”经费、会议费、培训费 table. */
export function isJiangsu(text: string): boolean {
  const ids = new Set(
    joinedTitles(text.split(/\r?\n/).map((t, i) => ({ no: i + 1, text: t }))).map((t) => t.id),
  );
  return ids.has('js01') && ids.has('js09') && ids.has('js11');
}

interface TextLine {
  no: number;
  text: string;
}
interface Block {
  page: number;
  /** The table a title row inside the detected table names (a title merged into the grid). */
  titled: JiangsuId | null;
  rows: { no: number; cells: string[] }[];
}
interface Page {
  no: number;
  text: TextLine[];
  blocks: Block[];
}

const PAGE = /^===== PAGE (\d+) =====$/;
const TABLE_BLOCK = /^--- TABLE .* ---$/;
/**
 * Page text that is no part of a table: a page number (第 3 页 / 共 20 页, - 3 -) and a title
 * repeated where a table goes on over a page (…预算表（续）, 续表). Read as a table's text, it would
 * be taken for a wrapped name or an amount.
 */
const NOT_TABLE_TEXT =
  /^第\s*\d+\s*页(\s*[/／，,]?\s*共\s*\d+\s*页)?$|^[-—]\s*\d+\s*[-—]$|[(（]续[)）]$|^续表$/;

function pagesOf(text: string): Page[] {
  const pages: Page[] = [];
  let block: Block | null = null;
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((raw, i) => {
      const no = i + 1;
      const page = PAGE.exec(raw);
      if (page) {
        pages.push({ no: Number(page[1]), text: [], blocks: [] });
        block = null;
        return;
      }
      const current = pages.at(-1);
      if (!current) return;
      if (TABLE_BLOCK.test(raw)) {
        block = { page: current.no, titled: null, rows: [] };
        current.blocks.push(block);
        return;
      }
      if (block && raw.trim() === '') block = null;
      if (block) {
        const cells = raw.split('|').map((c) => c.trim());
        const first = cells.find((c) => c !== '') ?? '';
        // A title row starts another table inside the same detected grid (npc 2017, p9 and p11).
        const titled = jiangsuIdOf(first);
        if (titled && cells.filter((c) => c !== '').length === 1) {
          if (block.rows.length > 0) {
            block = { page: current.no, titled, rows: [] };
            current.blocks.push(block);
          } else block.titled = titled;
        }
        block.rows.push({ no, cells });
      } else if (raw.trim() !== '' && !NOT_TABLE_TEXT.test(raw.trim()))
        current.text.push({ no, text: raw.trim() });
    });
  return pages;
}

/** Title lines, a title broken over two lines ("…支出预算" / "表") joined. */
function joinedTitles(lines: TextLine[]): { id: JiangsuId; line: TextLine; span: number }[] {
  const out: { id: JiangsuId; line: TextLine; span: number }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const id = jiangsuIdOf(lines[i]!.text);
    if (id) {
      out.push({ id, line: lines[i]!, span: 1 });
      continue;
    }
    const next = lines[i + 1];
    if (next && next.text.trim().length <= 3 && /表$/.test(next.text.trim())) {
      const joined = jiangsuIdOf(lines[i]!.text + next.text);
      if (joined)
        out.push({ id: joined, line: { ...lines[i]!, text: lines[i]!.text + next.text }, span: 2 });
    }
  }
  return out;
}

type Row = ParsedTable['rows'][number];
interface Read {
  rows: Row[];
  lines: number[];
}
const UNIT = /单位[:：]\s*(万元|元)/;
const CODE = /^\d{3}(\d{2}){0,2}$/;
const HEADER_WORDS =
  /^(功能)?科目(编码|代码)?$|^(功能)?科目名称$|^金额$|^机关运行经费支出$|^项目名称$|^科目$|^编码$|^称$|^功能科目名$|^部门[:：]|^单位[:：]|^公开表|^公开\d+表$/;

/**
 * A coded table's text rows: "2010101 行政运行 7,448.20", "合计" with its amount on the next line,
 * a wrapped name continued on the next line. Lines before the first row are its header.
 */
function codedRows(id: JiangsuId, lines: TextLine[], economic: boolean, issues: Issue[]): Read {
  const rows: Row[] = [];
  const at: number[] = [];
  let open: { row: Row; name: string[] } | null = null;
  const close = () => {
    if (open) open.row.cells[0] = open.name.join('') || null;
    open = null;
  };
  for (const l of lines) {
    const tokens = l.text.split(/\s+/).filter((t) => t !== '');
    if (tokens.length === 0) continue;
    const first = tokens[0]!;
    if (CODE.test(first) && tokens.length > 1 && !isAmount(tokens[1]!)) {
      close();
      const role = economic ? (first.length === 3 ? 'group' : 'item') : 'class';
      const row: Row = {
        role,
        code: first,
        key: economic && first.length === 5 ? first : null,
        cells: [null, null],
      };
      rows.push(row);
      at.push(l.no);
      open = { row, name: [] };
      tokens.shift();
    } else if (first === '合计') {
      close();
      const row: Row = { role: 'total', code: null, key: 'total', cells: ['合计', null] };
      rows.push(row);
      at.push(l.no);
      open = { row, name: ['合计'] };
      tokens.shift();
    } else if (!open) {
      continue; // header
    }
    for (const t of tokens) {
      const o = open as { row: Row; name: string[] } | null;
      if (!o) break;
      if (isAmount(t)) {
        if (o.row.cells[1] !== null)
          issues.push({
            line: l.no,
            severity: 'warning',
            message: `${id}: second amount "${t}" on a row not read`,
          });
        else o.row.cells[1] = normaliseAmount(t);
      } else if (HEADER_WORDS.test(t)) {
        continue;
      } else if (o.row.cells[1] === null || tokens.length === 1) {
        if (o.row.key !== 'total') o.name.push(t);
      } else {
        issues.push({ line: l.no, severity: 'warning', message: `${id}: text "${t}" not read` });
      }
    }
  }
  close();
  return { rows, lines: at };
}

/** 收入预算总表: groups (一般公共预算资金 …) of items, each group's 小计 printed beside or above it. */
const REVENUE_GROUPS: [string, RegExp, RegExp][] = [
  ['general-public', /^一般公共预算资金$/, /^(公共财政拨款\(补助\)资金|专项收入)$/],
  ['government-fund', /^政府性基金$/, /^政府性基金收入$/],
  ['special-account', /^财政专户管理资金$/, /^(专户管理教育收费|其他非税收入)$/],
  ['other', /^其他资金$/, /^(事业收入|经营收入|其他收入|债务资金\(银行贷款\))$/],
  ['carryover', /^上年结转和结余资金$/, /^其中:动用上年结转和结余资金$/],
];

function revenueRows(lines: TextLine[], issues: Issue[]): Read {
  const rows: Row[] = [];
  const at: number[] = [];
  let last: Row | null = null;
  let pendingSubtotal: { row: Row; group: string | null } | null = null;
  const groupOf = (t: string) => REVENUE_GROUPS.find(([, g]) => g.test(t))?.[0] ?? null;
  const itemGroup = (t: string) => REVENUE_GROUPS.find(([, , i]) => i.test(t))?.[0] ?? null;
  let started = false;
  for (const l of lines) {
    if (/部门[:：]|单位[:：]/.test(l.text)) continue;
    const tokens = l.text
      .split(/\s+/)
      .map(normaliseName)
      .filter((t) => t !== '');
    started ||= tokens.includes('收入总计');
    if (!started) continue;
    const labelled = tokens.map(groupOf).find((g) => g !== null) ?? null;
    for (const t of tokens) {
      if (isAmount(t)) {
        if (last && last.cells[1] === null) last.cells[1] = normaliseAmount(t);
        else
          issues.push({ line: l.no, severity: 'warning', message: `js02: amount "${t}" not read` });
        continue;
      }
      if (groupOf(t) !== null || HEADER_WORDS.test(t)) continue;
      if (t === '收入总计') {
        last = { role: 'total', code: null, key: 'total', cells: [t, null] };
      } else if (t === '小计') {
        last = {
          role: 'group',
          code: null,
          key: labelled ? `subtotal:${labelled}` : null,
          cells: [t, null],
        };
        if (!labelled) pendingSubtotal = { row: last, group: null };
      } else if (itemGroup(t) !== null) {
        const g = itemGroup(t)!;
        if (pendingSubtotal && pendingSubtotal.row.key === null)
          pendingSubtotal.row.key = `subtotal:${g}`;
        pendingSubtotal = null;
        last = { role: 'item', code: null, key: `${g}:${t}`, cells: [t, null] };
      } else {
        issues.push({ line: l.no, severity: 'warning', message: `js02: "${t}" not understood` });
        continue;
      }
      rows.push(last);
      at.push(l.no);
    }
  }
  // A 小计 above a group printed without items (上年结转和结余资金) is that group's.
  for (const r of rows)
    if (r.key === null && r.role === 'group')
      issues.push({
        line: at[rows.indexOf(r)]!,
        severity: 'warning',
        message: 'js02: a 小计 of no group',
      });
  return { rows, lines: at };
}

/** 政府采购预算表: its 合计 and 品目大类 (货物/工程/服务) rows; the detail rows are reported. */
function procurementRows(lines: TextLine[], issues: Issue[]): Read {
  const rows: Row[] = [];
  const at: number[] = [];
  let last: Row | null = null;
  const details: number[] = [];
  for (const l of lines) {
    const tokens = l.text.split(/\s+/).filter((t) => t !== '');
    const head = tokens[0] ?? '';
    const category = /^[一二三]、(货物|工程|服务)[ABC]?$/.exec(head);
    if (head === '合计' || category) {
      last = {
        role: head === '合计' ? 'total' : 'class',
        code: null,
        key: head === '合计' ? 'total' : category![1]!,
        cells: [head, null],
      };
      rows.push(last);
      at.push(l.no);
      const amount = tokens.slice(1).find(isAmount);
      if (amount) last.cells[1] = normaliseAmount(amount);
      continue;
    }
    if (last && last.cells[1] === null && tokens.length === 1 && isAmount(head)) {
      last.cells[1] = normaliseAmount(head);
      continue;
    }
    if (rows.length > 0 && tokens.some(isAmount)) details.push(l.no);
  }
  if (details.length > 0)
    issues.push({
      line: details[0]!,
      severity: 'info',
      message: `js12: ${details.length} detail lines (专项, 品目), from this line on, not read: only 合计 and 品目大类 are`,
    });
  return { rows, lines: at };
}

/** What a detected table holds, by its labels. */
function blockKind(b: Block): JiangsuId | null {
  if (b.titled) return b.titled;
  const cells = b.rows.flatMap((r) => r.cells.map(normaliseName)).filter((c) => c !== '');
  const has = (re: RegExp) => cells.some((c) => re.test(c));
  if (has(/^\d{3}(\d{2}){0,2}$/)) return null;
  if (has(/^会议费$/) && has(/^培训费$/)) return 'js09';
  const classLabel = /^[一二三四五六七八九十]+、(?!基本支出|项目支出).+支出$/;
  if (has(/^当年(收入|支出)小计$|^功能分类$/) || has(classLabel)) return 'js01';
  if (has(/^[一二]、(一般公共预算|政府性基金预算)$/)) return 'js04';
  if (has(/^基本支出$/) && has(/^项目支出$/) && has(/^合计$/)) return 'js03';
  if (has(/^上年结转资金$/) && has(/^结转下年资金$/)) return 'js01';
  if (has(/^小计$/) && has(/^(公共财政拨款\(补助\)资金|其他非税收入|事业收入|经营收入)$/))
    return 'js02';
  return null;
}

/** Amount columns of a detected table: the columns its header prints 金额 in (left to right). */
const amountColumns = (b: Block): number[] =>
  [
    ...new Set(
      b.rows.flatMap((r) => r.cells.flatMap((c, i) => (normaliseName(c) === '金额' ? [i] : []))),
    ),
  ].sort((x, y) => x - y);

const REVENUE_KEYS: [RegExp, string][] = [
  [/^财政拨款$/, 'revenue.fiscal'],
  [/^一般公共预算$/, 'revenue.general-public'],
  [/^政府性基金预算$/, 'revenue.government-fund'],
  [/^财政专户管理资金$/, 'revenue.special-account'],
  [/^其他资金$/, 'revenue.other'],
  [/^当年收入(小计)?$/, 'revenue.currentYear'],
  [/^上年结转(资金)?$/, 'revenue.carriedOver'],
  [/^收入合计$/, 'revenue.total'],
];
const SPENDING_TOTALS: [RegExp, string][] = [
  [/^当年支出小计$/, 'spending.currentYear'],
  [/^结转下年(资金)?$/, 'spending.carryForward'],
  [/^支出合计$/, 'spending.total'],
];
const PURPOSE_KEYS: [RegExp, string][] = [
  [/^基本支出$/, 'purpose.basic'],
  [/^项目支出$/, 'purpose.project'],
  [/^单位预留机动经费$/, 'purpose.reserve'],
];
const keyOf = (table: [RegExp, string][], label: string) =>
  table.find(([re]) => re.test(withoutOrdinal(normaliseName(label))))?.[1] ?? null;
/** A label that starts an entry (an ordinal, or a total) rather than continuing a wrapped one. */
const startsEntry = (label: string) =>
  /^([一二三四五六七八九十]+、|\d+\.)/.test(label) ||
  keyOf([...REVENUE_KEYS, ...SPENDING_TOTALS], label) !== null;

interface Entry {
  zone: number;
  label: string;
  amount: string | null;
  line: number;
}

/**
 * 收支预算总表 / 财政拨款收支预算总表: each detected row cut into zones at the 金额 columns (收入 |
 * 功能分类 | 支出用途, or 收入 | 支出用途); a label without an ordinal continues the zone's last entry
 * (a wrapped name), an amount in a zone whose row prints no label belongs to the zone's last entry
 * without one (a label wrapped around its amount). A spending total prints its label in the 功能分类
 * zone and its amount in the last column.
 */
function twoSidedEntries(blocks: Block[]): Entry[] {
  const entries: Entry[] = [];
  let columns: number[] = [];
  for (const b of blocks) {
    const own = amountColumns(b);
    if (own.length >= 2) columns = own;
    if (columns.length < 2) continue;
    const headerEnd = b.rows.findLastIndex((r) => r.cells.some((c) => normaliseName(c) === '金额'));
    for (const r of b.rows.slice(headerEnd + 1)) {
      const zoneOf = (i: number) => {
        const z = columns.findIndex((c) => i <= c);
        return z < 0 ? columns.length - 1 : z;
      };
      const labels = new Map<number, string>();
      const amounts = new Map<number, string>();
      r.cells.forEach((c, i) => {
        const cell = normaliseName(c);
        if (cell === '') return;
        if (isAmount(cell)) amounts.set(zoneOf(i), normaliseAmount(cell)!);
        else labels.set(zoneOf(i), (labels.get(zoneOf(i)) ?? '') + cell);
      });
      for (const [zone, label] of labels) {
        const last = entries.findLast((e) => e.zone === zone);
        if (!startsEntry(label) && last) last.label += label;
        else entries.push({ zone, label, amount: null, line: r.no });
      }
      for (const [zone, amount] of amounts) {
        const here = labels.has(zone)
          ? entries.findLast((e) => e.zone === zone)
          : zone === columns.length - 1 &&
              labels.has(zone - 1) &&
              keyOf(SPENDING_TOTALS, labels.get(zone - 1)!)
            ? entries.findLast((e) => e.zone === zone - 1)
            : entries.findLast((e) => e.zone === zone && e.amount === null);
        if (here && here.amount === null) here.amount = amount;
      }
    }
  }
  return entries;
}

function twoSidedRows(id: 'js01' | 'js04', blocks: Block[], issues: Issue[]): Read {
  const rows: Row[] = [];
  const at: number[] = [];
  const purposeZone = id === 'js01' ? 2 : 1;
  for (const e of twoSidedEntries(blocks)) {
    const label = normaliseName(e.label);
    let key: string | null = null;
    let role: Row['role'] = 'item';
    if (e.zone === 0) key = keyOf(REVENUE_KEYS, label);
    else if (keyOf(SPENDING_TOTALS, label)) key = keyOf(SPENDING_TOTALS, label);
    else if (e.zone === purposeZone) key = keyOf(PURPOSE_KEYS, label);
    else if (/支出$/.test(label)) {
      key = `class:${withoutOrdinal(label)}`;
      role = 'class';
    }
    if (key === null) {
      issues.push({
        line: e.line,
        severity: 'warning',
        message: `${id}: "${e.label}" not understood`,
      });
      continue;
    }
    if (/total|currentYear/.test(key)) role = 'total';
    rows.push({ role, code: null, key, cells: [label, e.amount] });
    at.push(e.line);
  }
  return { rows, lines: at };
}

/** Header cells of a column joined top to bottom (“因公出” / “国（境）” / “费”). */
function columnHeaders(b: Block, upto: number): string[] {
  const width = Math.max(...b.rows.map((r) => r.cells.length));
  return Array.from({ length: width }, (_, i) =>
    b.rows
      .slice(0, upto)
      .filter((r) => !r.cells.some((c) => /^部门[:：]/.test(c.trim())))
      .map((r) => normaliseName(r.cells[i] ?? ''))
      .filter((c) => !/^(部门|单位)[:：]|预算(总)?表|公开表/.test(c) && !UNIT.test(c))
      .join(''),
  );
}

const SINGLE_ROW: Record<'js03' | 'js09', [RegExp, string][]> = {
  js03: [
    [/^合计$/, 'total'],
    [/^基本支出$/, 'basic'],
    [/^项目支出$/, 'project'],
    [/^单位预留机动经费$/, 'reserve'],
    [/^结转下年资金$/, 'carryForward'],
  ],
  js09: [
    [/^合计$/, 'total'],
    [/^三公经费小计$|^小计$/, 'sanGong.total'],
    [/因公出国\(境\)费$/, 'sanGong.overseasTravel'],
    [/^公务用车购置及运行维护费小计$/, 'sanGong.vehicles'],
    [/^公务用车购置费$/, 'sanGong.vehiclePurchase'],
    [/^公务用车运行维护费$/, 'sanGong.vehicleOperation'],
    [/^公务接待费$/, 'sanGong.officialReception'],
    [/^会议费$/, 'meetings'],
    [/^培训费$/, 'training'],
  ],
};

/**
 * 支出预算总表 and the 三公 table: one row of amounts under a header; each amount goes to the
 * header column nearest to it (amounts and their header can sit one spacer column apart).
 */
function singleRow(
  id: 'js03' | 'js09',
  blocks: Block[],
  issues: Issue[],
): { table: Pick<ParsedTable, 'keys' | 'kinds' | 'columns'>; read: Read } | null {
  for (const b of blocks) {
    const data = b.rows.findIndex((r) => r.cells.some((c) => isAmount(c)));
    if (data < 0) continue;
    const headers = columnHeaders(b, data);
    const columns: { at: number; key: string; title: string }[] = [];
    headers.forEach((h, i) => {
      const key = SINGLE_ROW[id].find(([re]) => re.test(h))?.[1];
      if (key && !columns.some((c) => c.key === key)) columns.push({ at: i, key, title: h });
      else if (h !== '' && !key && !/^三公经费$|^公务用车购置及运行维护费$/.test(h))
        issues.push({
          line: b.rows[0]!.no,
          severity: 'warning',
          message: `${id}: column "${h}" not recognised`,
        });
    });
    const cells: (string | null)[] = columns.map(() => null);
    b.rows[data]!.cells.forEach((c, i) => {
      if (!isAmount(c)) return;
      const nearest = columns
        .map((col, k) => ({ k, d: Math.abs(col.at - i) }))
        .sort((x, y) => x.d - y.d)[0];
      if (!nearest || cells[nearest.k] !== null)
        issues.push({
          line: b.rows[data]!.no,
          severity: 'warning',
          message: `${id}: amount "${c}" has no column`,
        });
      else cells[nearest.k] = normaliseAmount(c);
    });
    return {
      table: {
        keys: columns.map((c) => c.key),
        kinds: columns.map(() => 'amount' as const),
        columns: [columns.map((c) => c.title)],
      },
      read: {
        rows: [{ role: 'total', code: null, key: 'total', cells }],
        lines: [b.rows[data]!.no],
      },
    };
  }
  return null;
}

/** The Jiangsu tables of a document (pdfplumber page form), what was not read as issues. */
export function readJiangsu(text: string): {
  tables: ParsedTable[];
  unitName: string | null;
  issues: Issue[];
} {
  const issues: Issue[] = [];
  const pages = pagesOf(text);
  const lines = pages.flatMap((p) => p.text);
  const titles = joinedTitles(lines);
  const unitName =
    /部门[:：]\s*([^\s]+?)\s*(单位[:：]|$)/.exec(
      lines.map((l) => l.text).find((t) => /^部门[:：]/.test(t)) ?? '',
    )?.[1] ?? null;
  const blocks = pages.flatMap((p) => p.blocks);
  const byKind = (id: string) => blocks.filter((b) => blockKind(b) === id);

  const tables: ParsedTable[] = [];
  titles.forEach((t, k) => {
    const from = lines.findIndex((l) => l.no === t.line.no);
    const next = titles[k + 1];
    const to = next ? lines.findIndex((l) => l.no === next.line.no) : lines.length;
    let body = lines.slice(from + t.span, to);
    if (!next) {
      const end = body.findIndex((l) => /情况说明|^第[一二三四五]部分/.test(l.text));
      if (end >= 0) body = body.slice(0, end);
    }
    const unit = body.map((l) => UNIT.exec(l.text)?.[1]).find((u) => u) as
      '元' | '万元' | undefined;
    const grids = byKind(t.id);
    // Tables read from detected grids belong to the last such title before their first grid
    // (the others are table-of-contents entries).
    if (FROM_GRIDS.has(t.id) && grids.length > 0) {
      const first = grids[0]!.rows[0]?.no ?? 0;
      const owner =
        titles.filter((x) => x.id === t.id && x.line.no <= first).at(-1) ??
        titles.find((x) => x.id === t.id);
      if (owner !== t) return;
    }
    let read: Read | null = null;
    let shape: Pick<ParsedTable, 'keys' | 'kinds' | 'columns'> = {
      keys: ['item', 'amount'],
      kinds: ['text', 'amount'],
      columns: [['项目', '金额']],
    };
    if (t.id === 'js01' || t.id === 'js04') read = twoSidedRows(t.id, byKind(t.id), issues);
    else if (t.id === 'js03' || t.id === 'js09') {
      const single = singleRow(t.id, byKind(t.id), issues);
      if (single) ({ table: shape, read } = single);
    } else if (t.id === 'js02') {
      const grid = byKind('js02').flatMap((b) =>
        b.rows.map((r) => ({ no: r.no, text: r.cells.filter((c) => c !== '').join(' ') })),
      );
      read = revenueRows(grid.length > 0 ? grid : body, issues);
    } else if (t.id === 'js12') read = procurementRows(body, issues);
    else
      read = codedRows(t.id, body, t.id === 'js06' || t.id === 'js08' || t.id === 'js11', issues);
    if (!read) return;
    tables.push({
      id: t.id,
      title: t.line.text,
      moneyUnit: unit ?? '万元',
      ...shape,
      rows: read.rows,
      note: null,
      titleLine: t.line.no,
      unitName,
      rowLines: read.lines,
    });
  });
  // A title printed twice (a table of contents, or a table repeated): the first with rows is read.
  const kept = tables.filter((t) => {
    const same = tables.filter((x) => x.id === t.id);
    const first = same.find((x) => x.rows.length > 0) ?? same[0]!;
    if (first !== t && t.rows.length > 0)
      issues.push({
        line: t.titleLine,
        severity: 'info',
        message: `${t.id} printed again (line ${first.titleLine} is read)`,
      });
    return first === t;
  });
  // Without a 部门 line, the unit is the one the titles name (一、2018年度江苏省高级人民法院收支预算总表).
  const titled = kept
    .map((t) => withoutOrdinal(titleKey(t.title)).replace(/^\d{4}年度?/, ''))
    .map((k) => /^(.+?)(财政拨款)?收支预算总表$/.exec(k)?.[1] ?? null)
    .find((n) => n);
  return { tables: kept, unitName: unitName ?? titled ?? null, issues };
}
/** Tables read from the detected grids (js02 from the page text when no grid is found). */
const FROM_GRIDS = new Set<string>(['js01', 'js02', 'js03', 'js04', 'js09']);
