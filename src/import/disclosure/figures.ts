/**
 * Every printed amount cell of a 13-table document as a figure on the planned lines: the
 * predicate that picks the lines the cell sums (by table, row and column), the printed value and
 * whether the cell is a leaf (an item) or a total. The plan repairs its lines until each figure
 * prints back. Pure.
 */
import type { BudgetLineKey, SanGongDefinition } from '../../domain';
import { sanGongRowCodes } from '../../domain/disclosure';
import type { ParsedDisclosure, ParsedTable } from '../../interchange';

/** A planned line: a variable of the derivation (basic) or fixed (a project's form amount). */
export interface PlannedLine {
  key: BudgetLineKey;
  fen: number;
  variable: boolean;
  /** Row index in table 6 (basic lines), -1 for projects. */
  t06Row: number;
}

export interface FigureCheck {
  label: string;
  line: number;
  printed: string | null;
  leaf: boolean;
}

type Pred = (l: PlannedLine) => boolean;
const none: Pred = () => false;
const basic: Pred = (l) => l.key.kind !== 'project';
const fcPrefix =
  (code: string): Pred =>
  (l) =>
    l.key.functionalCode.startsWith(code);
const and =
  (a: Pred, b: Pred): Pred =>
  (l) =>
    a(l) && b(l);

/** A row whose total and 一般公共预算 cells sum `p` (the plan holds no other fiscal source). */
const generalPublic = (p: Pred): Record<string, Pred> => ({
  total: p,
  generalPublicBudget: p,
  governmentFund: none,
  stateCapital: none,
});

function figurePreds(
  t: ParsedTable,
  r: number,
  unitOfName: (name: string) => string | null,
  projectOf: (key: string) => string | null,
  sanGong: SanGongDefinition,
): Record<string, Pred> {
  const row = t.rows[r]!;
  const all: Pred = () => true;
  switch (t.id) {
    case 't01':
    case 't04': {
      const rev =
        row.key === 'revenue.general-public' ||
        row.key === 'currentYear' ||
        row.key === 'grandTotal'
          ? all
          : none;
      const exp =
        row.role === 'item' && row.code
          ? fcPrefix(row.code)
          : row.key === 'currentYear' || row.key === 'grandTotal'
            ? all
            : none;
      return {
        revenueAmount: rev,
        total: exp,
        currentYear: exp,
        subtotal: exp,
        generalPublicBudget: exp,
        carriedOver: none,
        governmentFund: none,
        stateCapital: none,
      };
    }
    case 't02': {
      const p = row.role === 'total' ? all : row.code ? fcPrefix(row.code) : none;
      return {
        ...generalPublic(p),
        fiscalSpecialAccount: none,
        carriedOver: none,
        unitFunds: none,
      };
    }
    case 't03':
    case 't05': {
      const p = row.role === 'total' ? all : row.code ? fcPrefix(row.code) : none;
      return { total: p, basic: and(p, basic), project: and(p, (l) => l.key.kind === 'project') };
    }
    case 't06': {
      const p: Pred =
        row.role === 'item'
          ? (l) => l.t06Row === r
          : row.role === 'group' && row.code
            ? and(basic, (l) => l.key.deptEconCode.startsWith(row.code!))
            : row.role === 'total'
              ? basic
              : none;
      return {
        total: p,
        personnel: and(p, (l) => l.key.kind === 'personnel'),
        public: and(p, (l) => l.key.kind === 'public'),
      };
    }
    case 't10': {
      const codes = sanGongRowCodes(sanGong, row.role === 'total' ? 'total' : row.key) ?? [];
      return generalPublic((l) => codes.includes(l.key.deptEconCode));
    }
    case 't11': {
      const unit = row.role === 'unit' ? unitOfName(row.key ?? '') : null;
      return generalPublic(
        and(
          (l) => l.key.kind === 'public',
          (l) => row.role === 'total' || unit === '*' || l.key.unitCode === unit,
        ),
      );
    }
    case 't12': {
      const code = row.role === 'project' ? projectOf(row.key ?? '') : null;
      const p: Pred = (l) =>
        l.key.kind === 'project' && (row.role !== 'project' || l.key.projectCode === code);
      return { ...generalPublic(p), fiscalSpecialAccount: none, unitFunds: none };
    }
    default:
      // 7, 8, 9, 13: government fund, state capital and carried-over projects are not imported.
      return Object.fromEntries(t.keys.map((k) => [k, none]));
  }
}

export interface Figure extends FigureCheck {
  pred: Pred;
}

export function figuresOf(
  parsed: ParsedDisclosure,
  unitOfName: (name: string) => string | null,
  projectOf: (key: string) => string | null,
  sanGong: SanGongDefinition,
): Figure[] {
  const out: Figure[] = [];
  for (const t of parsed.tables) {
    t.rows.forEach((row, r) => {
      const preds = figurePreds(t, r, unitOfName, projectOf, sanGong);
      t.keys.forEach((k, i) => {
        if (t.kinds[i] !== 'amount') return;
        const printed = row.cells[i] ?? null;
        const pred = preds[k];
        if (!pred) return;
        // Summary tables print 30 类 rows, mostly empty: an empty cell of a row is a figure too (0).
        const leaf =
          row.role === 'item' ||
          row.role === 'project' ||
          row.role === 'unit' ||
          (row.role === 'class' && (row.code?.length ?? 0) === 7);
        const what = row.code ?? row.key ?? row.role;
        out.push({
          label: `${t.id} ${what} ${k}`,
          line: t.rowLines[r]!,
          printed: typeof printed === 'string' ? printed : null,
          leaf,
          pred,
        });
      });
    });
  }
  return out;
}
