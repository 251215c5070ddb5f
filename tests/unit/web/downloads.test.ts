/** The web workbench's downloads (web/src/downloads.ts): the URLs of each form a reader can pick. */
import { DEFAULT_FORM, downloadLinks, formChoices, formQuery } from '../../../web/src/downloads';

const hrefs = (links: { href: string }[]) => links.map((l) => l.href);

describe('download links of a published disclosure', () => {
  test('by default, the 13 tables in 万元 as the route serves them without a query', () => {
    const { documents, tables } = downloadLinks('019', 2024, DEFAULT_FORM);
    expect(hrefs(documents)).toEqual([
      '/disclosures/019/2024/disclosure.xlsx',
      '/disclosures/019/2024/disclosure.pdf',
      '/disclosures/019/2024/disclosure.html',
      '/disclosures/019/2024/disclosure.json',
      '/disclosures/019/2024/datapackage.json',
      '/disclosures/019/2024/budget-lines.csv',
    ]);
    expect(tables.map((t) => t.label)).toEqual(Array.from({ length: 13 }, (_, i) => `表${i + 1}`));
    expect(tables.map((t) => t.title)).toEqual(
      Array.from({ length: 13 }, (_, i) => `t${String(i + 1).padStart(2, '0')}.csv`),
    );
  });

  test('given a Shanghai department, when it picks its 部门预算 in 元 with 2 decimals, then every file of the layout names that form', () => {
    const form = { layout: 'shanghai-9', variant: 'department', decimals: 2 } as const;
    const { documents, tables } = downloadLinks('019', 2024, form);
    const q = '?layout=shanghai-9&variant=department&decimals=2';
    expect(hrefs(documents)).toEqual([
      `/disclosures/019/2024/disclosure.xlsx${q}`,
      `/disclosures/019/2024/disclosure.pdf${q}`,
      `/disclosures/019/2024/disclosure.html${q}`,
      `/disclosures/019/2024/disclosure.json${q}`,
      // The data package is budget lines in exact 元: the same whatever the form.
      '/disclosures/019/2024/datapackage.json',
      '/disclosures/019/2024/budget-lines.csv',
    ]);
    expect(hrefs(tables)).toHaveLength(9);
    expect(tables[0]!.href).toBe(`/disclosures/019/2024/sh01.csv${q}`);
    expect(tables.map((t) => t.label)).toEqual([
      '表1',
      '表2',
      '表3',
      '表4',
      '表5',
      '表6',
      '表7',
      '表8',
      '表9',
    ]);
    expect(tables[0]!.title).toBe('sh01.csv');
  });

  test('every layout offers the same whole documents (the route renders each in every layout)', () => {
    const documents = (layout: 'shanxi-13' | 'shanghai-9' | 'jiangsu-12') =>
      downloadLinks('019', 2024, { ...DEFAULT_FORM, layout }).documents.map((l) => l.label);
    expect(documents('shanxi-13')).toEqual(documents('shanghai-9'));
    expect(documents('shanghai-9')).toEqual(documents('jiangsu-12'));
    expect(documents('shanxi-13')).toEqual(
      expect.arrayContaining(['网页版（HTML）', 'JSON', 'Excel（XLSX）', 'PDF（可打印）']),
    );
  });

  test('the defaults of the Shanghai layout are left out; the variant never reaches another layout', () => {
    expect(formQuery({ layout: 'shanghai-9', variant: 'unit', decimals: 0 })).toBe(
      '?layout=shanghai-9',
    );
    expect(formQuery({ layout: 'shanghai-9', variant: 'unit', decimals: 2 })).toBe(
      '?layout=shanghai-9&decimals=2',
    );
    expect(formQuery({ layout: 'jiangsu-12', variant: 'department', decimals: 2 })).toBe(
      '?layout=jiangsu-12',
    );
    expect(formQuery({ ...DEFAULT_FORM, variant: 'department', decimals: 2 })).toBe('');
    const js = downloadLinks('019', 2024, { ...DEFAULT_FORM, layout: 'jiangsu-12' });
    expect(hrefs(js.documents)).toContain('/disclosures/019/2024/disclosure.pdf?layout=jiangsu-12');
    expect(js.tables.at(-1)!.href).toBe('/disclosures/019/2024/js12.csv?layout=jiangsu-12');
  });

  test('the 口径 and 金额 choices are offered with the Shanghai layout only, in Chinese', () => {
    const labels = (f: typeof DEFAULT_FORM) =>
      formChoices(f).map((c) => `${c.label}: ${c.choices.map((o) => o.label).join(' / ')}`);
    expect(labels(DEFAULT_FORM)).toEqual([
      '表式: 山西13表（万元） / 上海9表（元） / 江苏12表（万元）',
    ]);
    expect(labels({ ...DEFAULT_FORM, layout: 'jiangsu-12' })).toHaveLength(1);
    expect(labels({ ...DEFAULT_FORM, layout: 'shanghai-9' }).slice(1)).toEqual([
      '口径: 单位预算 / 部门预算',
      '金额: 元 / 元，2位小数',
    ]);
  });
});
