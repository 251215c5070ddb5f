/**
 * ParsedDisclosure → the checker's FigureSet. Tables keep their published cells; the tolerance
 * (half a unit of the last printed digit) comes from the tables' unit; projects are keyed by
 * their normalised name on both table 12 and the forms (the document prints no project codes);
 * the 机关运行经费 scope is the year's policy for the jurisdiction, when reference data is loaded;
 * the 三公 codes are the year's, else the nearest loaded year's (like the code book's).
 */
import { agencyOperatingRule, type FigureSet } from '../domain/disclosure';
import { normaliseName } from './amounts';
import { referenceNear } from './codes';
import type { ParsedDisclosure } from './types';

/**
 * Half a unit of the last printed digit of the document's main tables (万元 with 2 decimals →
 * 0.005; whole 元 → 0.5). Tables in another unit (Shanghai's 三公 table in 万元) are checked by
 * their own rules with their own tolerance.
 */
function halfUnitOf(d: ParsedDisclosure): string | null {
  const units = d.tables.map((t) => t.moneyUnit);
  const main = units.filter((u) => u === '元').length > units.length / 2 ? '元' : '万元';
  const decimals = Math.max(
    0,
    ...d.tables
      .filter((t) => t.moneyUnit === main)
      .flatMap((t) =>
        t.rows.flatMap((r) =>
          r.cells
            .filter((c, i) => c !== null && t.kinds[i] === 'amount')
            .map((c) => (c!.split('.')[1] ?? '').length),
        ),
      ),
  );
  return decimals === 0 ? '0.5' : `0.${'0'.repeat(decimals)}5`;
}

/**
 * The table each explanation figure is compared with by the domain's narrative rules. A figure
 * whose table the document does not print (Shanghai has no table 10 or 11) is left to the
 * layout's own rules rather than compared with an absent table.
 */
const NARRATIVE_TABLE: [RegExp, string][] = [
  [/^(changes|revenue)\./, 't01'],
  [/^(expenditure|performance)\./, 't03'],
  [/^fiscal\./, 't04'],
  [/^generalPublic\./, 't05'],
  [/^basic\./, 't06'],
  [/^sanGong\./, 't10'],
  [/^agencyOperating\./, 't11'],
];

function checkableNarrative(d: ParsedDisclosure): Record<string, string> {
  const ids = new Set(d.tables.map((t) => t.id));
  return Object.fromEntries(
    Object.entries(d.narrative)
      .filter(([name]) => {
        const table = NARRATIVE_TABLE.find(([re]) => re.test(name))?.[1];
        return table === undefined || ids.has(table);
      })
      .map(([k, v]) => [k, v.value]),
  );
}

export function toFigureSet(d: ParsedDisclosure): FigureSet {
  const policy = d.fiscalYear === null ? null : referenceNear(d.fiscalYear);
  const scope =
    policy && policy.fiscalYear === d.fiscalYear && policy.data.policy.agencyOperatingExpenses
      ? agencyOperatingRule(policy).scope
      : null;
  return {
    tables: d.tables.map(({ id, title, moneyUnit, columns, keys, kinds, rows, note }) => ({
      id,
      title,
      moneyUnit,
      columns,
      keys,
      kinds,
      rows,
      note,
    })),
    halfUnit: halfUnitOf(d),
    narrative: checkableNarrative(d),
    projectForms: d.projectForms.map((f) => ({
      project: normaliseName(f.name),
      fundsYuan: f.fundsYuan,
    })),
    procurement: d.procurement
      ? {
          goods: d.procurement.goods,
          works: d.procurement.works,
          services: d.procurement.services,
          total: d.procurement.total,
        }
      : null,
    agencyOperatingScope: scope,
    sanGong: referenceNear(d.fiscalYear)?.data.policy.sanGong ?? null,
  };
}
