/**
 * Indexed look-ups over one year's reference data: is this code known, at the right level, and
 * which government economic codes may go with a department code for a kind of unit.
 */
import { ruleError } from '../rules/errors';
import type {
  CodeEntry,
  CodeLevel,
  CodeList,
  FundSourceEntry,
  ReferenceData,
  UnitKind,
} from './types';

export type Classification = 'functional' | 'departmentEconomic' | 'governmentEconomic';

const LABELS: Record<Classification, string> = {
  functional: '支出功能分类',
  departmentEconomic: '部门预算支出经济分类',
  governmentEconomic: '政府预算支出经济分类',
};

export interface CodeContext {
  field?: string;
  lineId?: string;
}

function indexOf(list: CodeList): Map<string, CodeEntry> {
  return new Map(list.entries.map((e) => [e.code, e]));
}

export class ReferenceIndex {
  private readonly lists: Record<Classification, Map<string, CodeEntry>>;
  private readonly mapping: Map<string, { administrative: string[]; institution: string[] }>;

  constructor(readonly data: ReferenceData) {
    this.lists = {
      functional: indexOf(data.functional),
      departmentEconomic: indexOf(data.departmentEconomic),
      governmentEconomic: indexOf(data.governmentEconomic),
    };
    this.mapping = new Map(data.economicMapping.map((m) => [m.dept, m]));
  }

  get fiscalYear(): number {
    return this.data.fiscalYear;
  }

  entry(classification: Classification, code: string): CodeEntry | undefined {
    return this.lists[classification].get(code);
  }

  name(classification: Classification, code: string): string | undefined {
    return this.entry(classification, code)?.name;
  }

  /**
   * The code of `accept` named `name` in this year's list, else the code that bore it as a former
   * name (the year's renames): codes are matched first, names second, so this is for tables that
   * print a name alone. `same` compares two names (the caller's normalisation).
   */
  codeNamed(
    classification: Classification,
    name: string,
    accept: (code: string) => boolean,
    same: (a: string, b: string) => boolean = (a, b) => a === b,
  ): string | null {
    for (const e of this.lists[classification].values())
      if (accept(e.code) && same(e.name, name)) return e.code;
    const renamed = (this.data.renames ?? []).find(
      (r) =>
        r.classification === classification &&
        accept(r.code) &&
        same(r.formerName, name) &&
        this.lists[classification].has(r.code),
    );
    return renamed?.code ?? null;
  }

  /** The name `code` bore before the year's rename of it, if it was renamed. */
  formerName(classification: Classification, code: string): string | undefined {
    return this.data.renames?.find((r) => r.classification === classification && r.code === code)
      ?.formerName;
  }

  /** Throws code.unknown or code.wrong-level unless `code` is a known code at `level`. */
  requireCode(
    classification: Classification,
    code: unknown,
    level: CodeLevel,
    context: CodeContext = {},
  ): CodeEntry {
    const entry = typeof code === 'string' ? this.entry(classification, code) : undefined;
    if (entry && entry.level === level) return entry;
    // The error's text and details are built only on the way out: this runs for every line of
    // every command (100,000 times for a large import).
    const label = `${LABELS[classification]} ${String(code)}`;
    const details = { ...context, classification, code: String(code), fiscalYear: this.fiscalYear };
    if (!entry)
      throw ruleError('code.unknown', `${label} is not in the ${this.fiscalYear} list`, details);
    throw ruleError(
      'code.wrong-level',
      `${label} (${entry.name}) is a ${entry.level}, a ${level} is needed`,
      { ...details, level: entry.level, expectedLevel: level },
    );
  }

  /** The 30 functional 类 in the order table 1 prints them. */
  functionalCategories(): CodeEntry[] {
    return this.data.functional.entries.filter((e) => e.level === '类');
  }

  /** Children of a code in a classification, in list order (款 of a 类, 项 of a 款). */
  children(classification: Classification, code: string): CodeEntry[] {
    const width = code.length === 3 ? 5 : 7;
    return [...this.lists[classification].values()].filter(
      (e) => e.code.length === width && e.code.startsWith(code),
    );
  }

  /**
   * The government economic codes allowed with a department code for a kind of unit; null when
   * the mapping has no row for the department code (then any known government 款 is accepted).
   */
  governmentCodesFor(deptEconCode: string, unitKind: UnitKind): string[] | null {
    const row = this.mapping.get(deptEconCode);
    if (!row) return null;
    return unitKind === 'institution' ? row.institution : row.administrative;
  }

  /** A revenue source, or a kind of 单位资金 (not 财政拨款, like 单位资金 itself). */
  fundSource(id: string): FundSourceEntry | undefined {
    const kind = this.data.unitFundsKinds.find((k) => k.id === id);
    return kind
      ? { ...kind, fiscalAppropriation: false }
      : this.data.fundSources.find((f) => f.id === id);
  }
}
