// Writes data/reference/<year>/ for the years derived from the two gathered years (2024, 2025):
// 2017–2023 from 2024, 2026 from 2025, with `fiscalYear` set and the changes named in
// YEAR_CHANGES applied. The provenance of every derived file is in data/reference/README.md
// ("Derived years"). Run from the repository root: `node data/reference/derive-years.mjs`.
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.join('data', 'reference');
const FILES = [
  'functional.json',
  'economic-department.json',
  'economic-government.json',
  'economic-mapping.json',
  'fund-sources.json',
  'performance-indicators.json',
  'policy.json',
  'publication-rules.json',
];
const BASE = {
  2017: 2024,
  2018: 2024,
  2019: 2024, 2020: 2024, 2021: 2024, 2022: 2024, 2023: 2024, 2026: 2025 };
/** Functional codes not in force in a year: created later (the code list says since when). */
const NOT_YET = Object.fromEntries(
  [2017, 2018, 2019].map((y) => [y, { 234: '抗疫特别国债安排的支出 was created in the 2020 code list' }]),
);
/**
 * 部门预算支出经济分类 款 of the code list before the 2018 reform that 2024's list no longer has,
 * printed by the 2017 corpus documents (name as they print it), with their 政府预算 mapping.
 */
const SOURCE_2017 = 'pre-2018 部门预算支出经济分类 code, printed by the 2017 corpus document';
const BEFORE_2018 = {
  2017: [
    {
      entry: { code: '30104', name: '其他社会保障缴费', level: '款' },
      source: `${SOURCE_2017} jiangsu-party-committee-office-2017-dept-budget-tables (table 8)`,
      mapping: { administrative: ['50102'], institution: ['50501'] },
      mappingSource: 'as 30112 其他社会保障缴费 (the 2018 list moved it there)',
    },
    {
      entry: { code: '30312', name: '提租补贴', level: '款' },
      source: `${SOURCE_2017} jiangsu-npc-standing-committee-office-2017-dept-budget (table 8)`,
      mapping: { administrative: ['50999'], institution: ['50999'] },
      mappingSource: 'RECALL (not confirmed in a public source): as 30399, 其他对个人和家庭的补助',
    },
  ],
};
/** The renames (renames.json): a year before a rename's `since` reads the former name. */
const RENAMES = JSON.parse(fs.readFileSync(path.join(ROOT, 'renames.json'), 'utf8')).entries;

for (const [year, base] of Object.entries(BASE)) {
  const dir = path.join(ROOT, year);
  fs.mkdirSync(dir, { recursive: true });
  for (const file of FILES) {
    const data = JSON.parse(fs.readFileSync(path.join(ROOT, String(base), file), 'utf8'));
    data.fiscalYear = Number(year);
    if (typeof data.description === 'string')
      data.description = data.description.replaceAll(`fiscal year ${base}`, `fiscal year ${year}`);
    if (file === 'functional.json') {
      const drop = NOT_YET[year] ?? {};
      data.entries = data.entries
        .filter((e) => !Object.keys(drop).some((c) => e.code.startsWith(c)))
        .map((e) => {
          const renamed = RENAMES.find(
            (r) => r.classification === 'functional' && r.code === e.code && Number(year) < r.since,
          );
          return renamed ? { ...e, name: renamed.formerName } : e;
        });
    }
    const before = BEFORE_2018[year] ?? [];
    if (file === 'economic-department.json')
      data.entries = [...data.entries, ...before.map((b) => ({ ...b.entry, source: b.source }))]
        .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    if (file === 'economic-mapping.json')
      data.mappings = [
        ...data.mappings,
        ...before.map((b) => ({ dept: b.entry.code, ...b.mapping, source: b.mappingSource })),
      ];
    fs.writeFileSync(path.join(dir, file), `${JSON.stringify(data, null, 2)}\n`);
  }
}
