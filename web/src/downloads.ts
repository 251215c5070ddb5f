/**
 * What a published disclosure downloads as, in the form the reader picks: the layout (山西13表, 上海9表,
 * 江苏12表) and, for the Shanghai layout, its variant (单位预算 / 部门预算) and how its 元 print. The
 * URLs are those of the download route (src/graphql/disclosure-files.ts); pure, so unit tests check
 * them without a browser.
 */

export type LayoutId = 'shanxi-13' | 'shanghai-9' | 'jiangsu-12';

export interface DownloadForm {
  layout: LayoutId;
  /** shanghai-9 only: 单位预算 (default) or 部门预算. */
  variant: 'unit' | 'department';
  /** shanghai-9 only: whole 元 (default) or 元 with 2 decimals. */
  decimals: 0 | 2;
}

export const DEFAULT_FORM: DownloadForm = { layout: 'shanxi-13', variant: 'unit', decimals: 0 };

export const LAYOUT_CHOICES: readonly { value: LayoutId; label: string }[] = [
  { value: 'shanxi-13', label: '山西13表（万元）' },
  { value: 'shanghai-9', label: '上海9表（元）' },
  { value: 'jiangsu-12', label: '江苏12表（万元）' },
];
export const VARIANT_CHOICES: readonly { value: DownloadForm['variant']; label: string }[] = [
  { value: 'unit', label: '单位预算' },
  { value: 'department', label: '部门预算' },
];
export const DECIMALS_CHOICES: readonly { value: DownloadForm['decimals']; label: string }[] = [
  { value: 0, label: '元' },
  { value: 2, label: '元，2位小数' },
];

/** One choice of the form: the field it sets, its label and its options. */
export interface FormChoice {
  field: keyof DownloadForm;
  label: string;
  choices: readonly { value: DownloadForm[keyof DownloadForm]; label: string }[];
}

/** The choices a form offers: the layout, and the Shanghai layout's variant and 元. */
export function formChoices(f: DownloadForm): FormChoice[] {
  const layout: FormChoice = { field: 'layout', label: '表式', choices: LAYOUT_CHOICES };
  if (f.layout !== 'shanghai-9') return [layout];
  return [
    layout,
    { field: 'variant', label: '口径', choices: VARIANT_CHOICES },
    { field: 'decimals', label: '金额', choices: DECIMALS_CHOICES },
  ];
}

/** The query that selects the form, defaults left out (as the route's Content-Location says it). */
export function formQuery(f: DownloadForm): string {
  if (f.layout === 'shanxi-13') return '';
  if (f.layout === 'jiangsu-12') return '?layout=jiangsu-12';
  return `?layout=shanghai-9${f.variant === 'department' ? '&variant=department' : ''}${
    f.decimals === 2 ? '&decimals=2' : ''
  }`;
}

export interface DownloadLink {
  file: string;
  href: string;
  label: string;
  /** The file name, for the link's title attribute (the label of a table is 表N). */
  title: string;
}

const tableIds = (prefix: string, n: number): string[] =>
  Array.from({ length: n }, (_, i) => `${prefix}${String(i + 1).padStart(2, '0')}`);

/**
 * The whole documents: the route renders each of them in every layout
 * (src/graphql/disclosure-files.ts), so every layout offers all four.
 */
const DOCUMENTS: readonly [string, string][] = [
  ['disclosure.xlsx', 'Excel（XLSX）'],
  ['disclosure.pdf', 'PDF（可打印）'],
  ['disclosure.html', '网页版（HTML）'],
  ['disclosure.json', 'JSON'],
];

/** Each layout's tables, by the file names the route serves. */
const TABLES: Record<LayoutId, string[]> = {
  'shanxi-13': tableIds('t', 13),
  'shanghai-9': tableIds('sh', 9),
  'jiangsu-12': tableIds('js', 12),
};

/**
 * The links of a department-year in a form: its documents and the data package (the same in every
 * layout: budget lines in exact 元, so it carries no layout), then one CSV a table.
 */
export function downloadLinks(
  dept: string,
  year: number,
  f: DownloadForm,
): { documents: DownloadLink[]; tables: DownloadLink[] } {
  const base = `/disclosures/${encodeURIComponent(dept)}/${year}`;
  const q = formQuery(f);
  const link = (file: string, label: string, query = q): DownloadLink => ({
    file,
    href: `${base}/${file}${query}`,
    label,
    title: file,
  });
  return {
    documents: [
      ...DOCUMENTS.map(([file, label]) => link(file, label)),
      link('datapackage.json', '开放财政数据包（datapackage.json）', ''),
      link('budget-lines.csv', '预算明细（CSV）', ''),
    ],
    // 表1 … 表13 as the tables are numbered; the file name stays in `file` (the link's title).
    tables: TABLES[f.layout].map((t, i) => link(`${t}.csv`, `表${i + 1}`)),
  };
}
