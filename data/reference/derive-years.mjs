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
 * 部门预算支出经济分类 款 of the code list before the 2018 reform that 2024's list no longer has, or
 * that meant something else then, printed by the 2017 corpus documents (name as they print it),
 * with their 政府预算 mapping; each replaces 2024's entry of that code.
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
      entry: { code: '30311', name: '住房公积金', level: '款' },
      source: `${SOURCE_2017}s jiangsu-party-committee-office-2017-dept-budget-tables and jiangsu-npc-standing-committee-office-2017-dept-budget (table 8; 30311 was 住房公积金 until the 2018 reform moved it to 30113 and gave 30311 to 代缴社会保险费)`,
      mapping: { administrative: ['50103'], institution: ['50501'] },
      mappingSource: 'as 30113 住房公积金 (the 2018 list moved it there)',
    },
    {
      entry: { code: '30312', name: '提租补贴', level: '款' },
      source: `${SOURCE_2017} jiangsu-npc-standing-committee-office-2017-dept-budget (table 8)`,
      mapping: { administrative: ['50999'], institution: ['50999'] },
      mappingSource: 'RECALL (not confirmed in a public source): as 30399, 其他对个人和家庭的补助',
    },
  ],
};
/**
 * 2017's 机关运行经费: the Ministry of Finance widened the scope that year to the running costs
 * included in project spending, counted by 款 (the 2017 corpus documents: their table of that name
 * holds project money and leaves out 培训费, 公务接待费, 工会经费 and 其他交通费用); from 2018 it is
 * the 公用经费 of basic spending again (jiangsu-cppcc-office-2018: table 11 = table 8's 302).
 */
const AGENCY_2017 = {
  description:
    '2017 scope of 机关运行经费 (一般公共预算机关运行经费支出预算表): the 款 of the definition, in basic and project spending alike (财政部 moved the running costs included in projects into the table that year), of 行政单位 and 参照公务员法管理的事业单位 paid from 一般公共预算.',
  unitKinds: ['administrative', 'civil-service-managed'],
  fundSources: ['general-public'],
  deptEconCodes: [
    '30201', '30202', '30205', '30206', '30207', '30208', '30209', '30211', '30213', '30215',
    '30218', '30229', '30231', '30299', '31002',
  ],
  includesProjects: true,
  source:
    'jiangsu-npc-standing-committee-office-2017-dept-budget p27 名词解释 九 (办公及印刷费、邮电费、差旅费、会议费、福利费、日常维修费、专用材料及一般设备购置费、办公用房水电费、办公用房取暖费、办公用房物业管理费、公务用车运行维护费及其他费用 → 30201 30202 30207 30211 30215 30229 30213 30218 31002 30205 30206 30208 30209 30231 30299) and p28 (口径调整，将专项中包含的运行经费统计在这张表中); the 款 both 2017 corpus tables print',
};
const POLICY = { 2017: { agencyOperatingExpenses: AGENCY_2017 } };
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
    const formerNames = (classification) => (e) => {
      const renamed = RENAMES.find(
        (r) => r.classification === classification && r.code === e.code && Number(year) < r.since,
      );
      return renamed ? { ...e, name: renamed.formerName } : e;
    };
    if (file === 'functional.json') {
      const drop = NOT_YET[year] ?? {};
      data.entries = data.entries
        .filter((e) => !Object.keys(drop).some((c) => e.code.startsWith(c)))
        .map(formerNames('functional'));
    }
    if (file === 'economic-department.json')
      data.entries = data.entries.map(formerNames('departmentEconomic'));
    if (file === 'policy.json') Object.assign(data, POLICY[year] ?? {});
    const before = BEFORE_2018[year] ?? [];
    const replaced = new Set(before.map((b) => b.entry.code));
    if (file === 'economic-department.json')
      data.entries = [
        ...data.entries.filter((e) => !replaced.has(e.code)),
        ...before.map((b) => ({ ...b.entry, source: b.source })),
      ].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    if (file === 'economic-mapping.json')
      data.mappings = [
        ...data.mappings.filter((m) => !replaced.has(m.dept)),
        ...before.map((b) => ({ dept: b.entry.code, ...b.mapping, source: b.mappingSource })),
      ];
    fs.writeFileSync(path.join(dir, file), `${JSON.stringify(data, null, 2)}\n`);
  }
}
