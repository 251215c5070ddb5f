/**
 * The consistency report's vocabulary. Rules run on a neutral FigureSet — generic tables with
 * semantic column keys and row codes/keys, plus named narrative figures — so the same rules can
 * check a document as published (parsed into this shape) as well as one we built.
 */
import DecimalJs from 'decimal.js';
import type { Cell } from './amounts';
import type { SanGongDefinition } from '../policy/sangong';
import type { GenericTable } from './table';

/** Comparison arithmetic only (no rounding happens here); printed figures may have any scale. */
const Decimal = DecimalJs.clone({ precision: 50 });
type Decimal = InstanceType<typeof Decimal>;

export interface CellRef {
  table: string;
  /** Row key, code or label. */
  row: string;
  column: string;
}

export interface Term {
  ref: CellRef;
  value: Cell;
  /** false when the figure is exact (e.g. 元 on a project form): it adds no rounding tolerance. */
  rounded?: boolean;
}

export interface Finding {
  ruleId: string;
  /** The published figure and the cells it is compared with. */
  cells: CellRef[];
  published: string;
  computed: string;
  difference: string;
  /** How many rounded figures take part (the tolerance is half a unit of the last digit each). */
  roundedTerms: number;
  kind: 'rounding' | 'inconsistency';
}

export interface FigureSet {
  tables: GenericTable[];
  /**
   * Half a unit of the last printed digit per rounded figure ('0.005' for 万元 with 2 decimals); null
   * when exact.
   */
  halfUnit: string | null;
  /** Named figures of the explanation as printed (e.g. 'agencyOperating.amount'). */
  narrative: Record<string, string | null>;
  /** Each project form's 年度资金总额 in 元, keyed like the table-12 row (project code or name). */
  projectForms: { project: string; fundsYuan: string }[];
  procurement: { goods: string; works: string; services: string; total: string } | null;
  agencyOperatingScope: 'admin-and-civil-service-managed' | 'all-units' | null;
  /** The year's 三公 items and codes (null when no reference data is known for the document). */
  sanGong: SanGongDefinition | null;
}

const dec = (value: Cell | undefined): Decimal => new Decimal(value ?? 0);

/** a − b of two printed figures, exactly (empty counts as 0). */
export const minus = (a: Cell, b: Cell): string => dec(a).minus(dec(b)).toString();

/** published = Σ parts (signs allowed); null when equal, else a finding classified by tolerance. */
export function compareSum(
  set: FigureSet,
  ruleId: string,
  published: Term,
  parts: (Term & { sign?: 1 | -1 })[],
  scale = '1',
): Finding | null {
  const computed = parts.reduce(
    (acc, p) =>
      acc.plus(
        dec(p.value)
          .times(new Decimal(scale))
          .times(p.sign ?? 1),
      ),
    new Decimal(0),
  );
  const difference = dec(published.value).minus(computed);
  if (difference.isZero()) return null;
  const roundedTerms = [published, ...parts].filter((t) => t.rounded !== false).length;
  const tolerance =
    set.halfUnit === null ? new Decimal(0) : new Decimal(set.halfUnit).times(roundedTerms);
  return {
    ruleId,
    cells: [published.ref, ...parts.map((p) => p.ref)],
    published: published.value ?? '0',
    computed: computed.toString(),
    difference: difference.toString(),
    roundedTerms,
    kind: difference.abs().lessThanOrEqualTo(tolerance) ? 'rounding' : 'inconsistency',
  };
}

/** published ≥ Σ parts (e.g. a 三公 item covers at least its basic-spending lines). */
export function compareAtLeast(
  set: FigureSet,
  ruleId: string,
  published: Term,
  parts: Term[],
): Finding | null {
  const total = parts.reduce((acc, p) => acc.plus(dec(p.value)), new Decimal(0));
  if (dec(published.value).greaterThanOrEqualTo(total)) return null;
  return compareSum(set, ruleId, published, parts);
}

/** A percentage recomputed from two printed figures, compared with the printed percentage. */
export function comparePercent(
  ruleId: string,
  published: Term,
  part: Term,
  whole: Term,
): Finding | null {
  if (published.value === null || dec(whole.value).isZero()) return null;
  const computed = dec(part.value).abs().dividedBy(dec(whole.value)).times(100);
  const difference = dec(published.value).minus(computed);
  // A percentage of rounded figures is itself uncertain: half a hundredth plus the inputs' effect.
  const tolerance = new Decimal('0.01');
  if (difference.abs().lessThan(new Decimal('0.005'))) return null;
  return {
    ruleId,
    cells: [published.ref, part.ref, whole.ref],
    published: published.value,
    computed: computed.toDecimalPlaces(6).toString(),
    difference: difference.toDecimalPlaces(6).toString(),
    roundedTerms: 3,
    kind: difference.abs().lessThanOrEqualTo(tolerance) ? 'rounding' : 'inconsistency',
  };
}

/** Cell access on a generic table by semantic row (key or code) and column key. */
export class TableView {
  constructor(readonly table: GenericTable) {}

  column(key: string): number {
    return this.table.keys.indexOf(key);
  }

  amountKeys(): string[] {
    return this.table.keys.filter((_, i) => this.table.kinds[i] === 'amount');
  }

  rowsWhere(predicate: (r: GenericTable['rows'][number]) => boolean): GenericTable['rows'] {
    return this.table.rows.filter(predicate);
  }

  term(r: GenericTable['rows'][number] | undefined, key: string): Term {
    const label = r
      ? (r.key ?? r.code ?? String(r.cells.find((c) => c !== null) ?? ''))
      : '(missing)';
    const i = this.column(key);
    return {
      ref: { table: this.table.id, row: label, column: key },
      value: r && i >= 0 ? (r.cells[i] ?? null) : null,
    };
  }

  byKey(key: string, column: string): Term {
    return this.term(
      this.table.rows.find((r) => r.key === key),
      column,
    );
  }

  byCode(code: string, column: string): Term {
    return this.term(
      this.table.rows.find((r) => r.code === code),
      column,
    );
  }
}
