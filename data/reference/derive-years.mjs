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
    fs.writeFileSync(path.join(dir, file), `${JSON.stringify(data, null, 2)}\n`);
  }
}
