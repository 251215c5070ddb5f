/**
 * Rules on the Shanghai 编制说明's own statements (its prose, read here from the document's text):
 * - each 科目 paragraph ("6、公共安全支出（204类）司法（06款）其他司法支出（99项）3845.49万元。…
 *   2025年当年预算执行数为3269.3万元，2026年预算安排3845.49万元，比2025年预算执行数增加17.62%")
 *   states the amount table 5 prints for the 项 (万元), the 类/款/项 names table 5 prints (a name
 *   the code bore before the year's rename of it is said so: narrative.item.former-name), the
 *   same amount again as 预算安排, and a change that is what its two amounts give;
 * - the year is compared with another year, never with itself ("2026年预算 … 比2026年预算增加");
 * - 财政拨款收入 and 财政拨款支出, when equal, change by the same amount on the same basis.
 * Amounts are compared within half a unit of their last printed digit; a percentage within that
 * of its own, widened by what the rounding of its two amounts allows.
 */
import { Decimal } from 'decimal.js';
import type { CellRef, Finding } from '../domain/disclosure';
import { normaliseName } from './amounts';
import { referenceNear } from './codes';
import { splitDocument } from './lines';
import { proseOf, type Prose } from './narrative';
import type { ParsedDisclosure } from './types';

const N = '(\\d[\\d,]*(?:\\.\\d+)?)';
const clean = (n: string) => n.replace(/,/g, '');
const halfUnit = (n: string) => new Decimal(10).pow(-(clean(n).split('.')[1] ?? '').length).div(2);

const ITEM = new RegExp(
  `(\\d{1,2})、([^、（）。]{2,30}?)（(\\d{3})类）([^（）。]{1,30}?)（(\\d{2})款）([^（）。]{1,40}?)（(\\d{2})项）${N}万元。`,
  'gd',
);
const CHANGE = new RegExp(
  `(\\d{4})年当年预算执行数为${N}万元，(\\d{4})年预算安排${N}万元，比\\d{4}年预算执行数(增加|减少)${N}%`,
  'd',
);

const at = (prose: Prose, label: string, offset: number, column: string): CellRef => ({
  table: 'narrative',
  row: `${label} (line ${prose.lineAt(offset)})`,
  column,
});

function finding(
  ruleId: string,
  cells: CellRef[],
  published: string,
  computed: string,
  difference = '-',
): Finding {
  return { ruleId, cells, published, computed, difference, roundedTerms: 0, kind: 'inconsistency' };
}

/** Table 5's row for a code: its total in 万元 and its name, when printed. */
function t05Row(d: ParsedDisclosure, code: string): { wan: Decimal | null; name: string } | null {
  const t = d.tables.find((x) => x.id === 't05');
  const row = t?.rows.find((r) => r.code === code);
  if (!t || !row) return null;
  const name = row.cells[t.keys.indexOf('name')] ?? '';
  const total = row.cells[t.keys.indexOf('total')] ?? null;
  const wan = total === null ? null : new Decimal(total).div(t.moneyUnit === '元' ? 10000 : 1);
  return { wan, name: String(name) };
}

function itemFindings(d: ParsedDisclosure, prose: Prose): Finding[] {
  const out: Finding[] = [];
  const items = [...prose.text.matchAll(ITEM)];
  items.forEach((m, k) => {
    const [, no, className, cls, kuanName, kuan, itemName, item, amount] = m;
    const start = m.index;
    const end = items[k + 1]?.index ?? prose.text.length;
    const label = `${no}、${itemName}`;
    const code = `${cls}${kuan}${item}`;
    const heading = at(prose, label, start, 'amount');
    const a = new Decimal(clean(amount!));
    const row = t05Row(d, code);
    if (row?.wan && row.wan.minus(a).abs().gt(halfUnit(amount!)))
      out.push(
        finding(
          'narrative.item.amount=t05',
          [heading, { table: 't05', row: code, column: 'total' }],
          a.toString(),
          row.wan.toString(),
          a.minus(row.wan).toString(),
        ),
      );
    // The names the paragraph gives its 类, 款 and 项, against table 5's.
    for (const [name, c] of [
      [className!, cls!],
      [kuanName!, `${cls}${kuan}`],
      [itemName!, code],
    ] as const) {
      const printed = t05Row(d, c)?.name;
      const former = referenceNear(d.fiscalYear)?.formerName('functional', c);
      const stale = former !== undefined && normaliseName(former) === normaliseName(name);
      if (printed && normaliseName(printed) !== normaliseName(name))
        out.push(
          finding(
            stale ? 'narrative.item.former-name' : 'narrative.item.name=t05',
            [at(prose, label, start, 'name'), { table: 't05', row: c, column: 'name' }],
            `${name}（${c}）`,
            printed,
          ),
        );
    }
    const body = prose.text.slice(start, end);
    const ch = CHANGE.exec(body);
    if (!ch) return;
    const [, , prior, , planned, direction, percent] = ch;
    const b = new Decimal(clean(planned!));
    const p = new Decimal(clean(prior!));
    const where = (group: number, column: string) =>
      at(prose, label, start + ch.indices![group]![0], column);
    if (!b.eq(a))
      out.push(
        finding(
          'narrative.item.planned=heading',
          [where(4, '预算安排'), heading],
          b.toString(),
          a.toString(),
          b.minus(a).toString(),
        ),
      );
    if (p.isZero()) return;
    const stated = new Decimal(percent!).times(direction === '减少' ? -1 : 1);
    const exact = a.minus(p).div(p).times(100);
    const slack = halfUnit(percent!).plus(
      halfUnit(amount!)
        .plus(halfUnit(prior!).times(a.div(p)))
        .div(p)
        .times(100),
    );
    if (exact.minus(stated).abs().gt(slack))
      out.push(
        finding(
          'narrative.item.percent',
          [where(6, 'percent'), heading, where(2, '预算执行数')],
          stated.toString(),
          exact.toDecimalPlaces(2).toString(),
          stated.minus(exact).toDecimalPlaces(2).toString(),
        ),
      );
  });
  return out;
}

/** "比2026年预算" in a 2026 budget: the year compared with itself (one finding, every place). */
function selfComparison(d: ParsedDisclosure, prose: Prose): Finding[] {
  if (d.fiscalYear === null) return [];
  const re = new RegExp(`(?:比|与)${d.fiscalYear}年预算(?!执行)`, 'g');
  const places = [...prose.text.matchAll(re)].map((m) => at(prose, 'comparison', m.index, 'year'));
  if (places.length === 0) return [];
  return [
    finding(
      'narrative.compared-with-itself',
      places,
      String(d.fiscalYear),
      String(d.fiscalYear - 1),
    ),
  ];
}

const FISCAL = (side: string) =>
  new RegExp(`${side}${N}万元，比(\\d{4})年(预算执行数|预算)(增加|减少)${N}万元`, 'd');

/** Equal 财政拨款收入 and 支出 changing by different amounts (or on different bases). */
function fiscalChange(prose: Prose): Finding[] {
  const r = FISCAL('财政拨款收入').exec(prose.text);
  const e = FISCAL('财政拨款支出预算').exec(prose.text);
  if (!r || !e || clean(r[1]!) !== clean(e[1]!)) return [];
  const change = (m: RegExpExecArray) => new Decimal(clean(m[5]!)).times(m[4] === '减少' ? -1 : 1);
  if (change(r).eq(change(e)) && r[3] === e[3]) return [];
  return [
    finding(
      'narrative.fiscal.revenue-change=expenditure-change',
      [
        at(prose, `支出 比${e[2]}年${e[3]}`, e.indices![5]![0], 'change'),
        at(prose, `收入 比${r[2]}年${r[3]}`, r.indices![5]![0], 'change'),
      ],
      change(e).toString(),
      change(r).toString(),
      change(e).minus(change(r)).toString(),
    ),
  ];
}

/** The findings of the 编制说明's own statements (Shanghai layout). */
export function statementFindings(d: ParsedDisclosure, text: string): Finding[] {
  const prose = proseOf(splitDocument(text).lines);
  return [...selfComparison(d, prose), ...fiscalChange(prose), ...itemFindings(d, prose)];
}
