/**
 * The neutral structure of a published disclosure as parsed from its extracted text: the tables it
 * prints (cells as printed, amounts normalised), the explanation's figures, the performance forms'
 * money, and what the parser did not understand (with line numbers). Nothing here is a domain
 * event: an importer or the consistency checker reads this structure.
 */
import type { GenericTable } from '../domain/disclosure';

export type Layout = 'shanxi-13' | 'shanghai-9' | 'jiangsu-12' | 'unknown';

/** Something the parser could not read, or read with a caveat; `line` is 1-based in the input. */
export interface Issue {
  line: number;
  severity: 'warning' | 'info';
  message: string;
}

/** A parsed table: the generic form the checker reads, plus where it was printed. */
export interface ParsedTable extends GenericTable {
  /** The printed title line. */
  titleLine: number;
  /** The 单位名称 / 编制单位 of the table, when printed. */
  unitName: string | null;
  /** Line number of each row, in `rows` order. */
  rowLines: number[];
}

/** A figure of the explanation (第三部分) as printed, normalised (no thousands separators). */
export interface NarrativeFigure {
  value: string;
  line: number;
}

/** A project's performance form: its printed name and 年度资金总额 (元). */
export interface ProjectForm {
  name: string;
  fundsYuan: string;
  line: number;
}

export interface ParsedDisclosure {
  layout: Layout;
  /** 单位名称 printed with the tables (or the cover's unit), when found. */
  unitName: string | null;
  fiscalYear: number | null;
  tables: ParsedTable[];
  narrative: Record<string, NarrativeFigure>;
  projectForms: ProjectForm[];
  procurement: {
    goods: string;
    works: string;
    services: string;
    total: string;
    line: number;
  } | null;
  issues: Issue[];
}
