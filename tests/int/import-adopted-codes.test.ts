import { LedgerService } from '../../src/app/ledger-service';
import { loadDisclosure } from '../../src/app/disclosures';
import { importDisclosure } from '../../src/app/import-disclosure';
import { loadAdoptedCodes } from '../../src/app/reference-codes';
import {
  referenceData,
  referenceFor,
  registerReferenceData,
  ReferenceIndex,
  withAdoptedCodes,
  type AdoptedCode,
  type AdoptReferenceCodes,
} from '../../src/domain';
import { compareTables } from '../../src/domain/disclosure/layouts/compare';
import {
  renderShanghai9,
  SHANGHAI_TABLE_IDS,
} from '../../src/domain/disclosure/layouts/shanghai-9';
import { parseDisclosure } from '../../src/interchange';
import { useLedgerDatabase } from '../support/db';
import { base, factsOf, line, linesOf, plan, ref } from '../support/shanghai-doc';
import { shanghaiText } from '../support/shanghai-text';

/**
 * Given a published document that prints functional 款 and 项 the year's reference data lacks,
 * when it is imported, then those codes are taken from the document's own code and name columns,
 * recorded first (ReferenceCodesAdopted on the year's reference stream, with the document and line
 * each was seen on), and the document's figures are reproduced with them; another process learns
 * them from the log. The document: the Shanghai sample's tables plus lines on such codes
 * (tests/support/shanghai-doc.ts).
 */
const NEW: AdoptedCode[] = [
  {
    classification: 'functional',
    code: '2010699',
    name: '其他财政事务支出',
    level: '项',
    source: 'test',
  },
  {
    classification: 'functional',
    code: '20199',
    name: '其他一般公共服务支出',
    level: '款',
    source: 'test',
  },
  {
    classification: 'functional',
    code: '2019999',
    name: '其他一般公共服务支出',
    level: '项',
    source: 'test',
  },
];
const wide = new ReferenceIndex(withAdoptedCodes(ref.data, NEW));
const extra = [
  line('general-public', '2010699', 'public', '30201', '50000.00'),
  line('business-income', '2019999', 'personnel', '30101', '70000.00'),
];
const text = shanghaiText(renderShanghai9(factsOf(base, extra), wide));
const parsed = parseDisclosure(text);
const ledger = useLedgerDatabase();
let service: LedgerService;
const pristine = referenceData(2025);

beforeAll(() => {
  service = new LedgerService(ledger.store);
});

test('the plan adopts the three codes first, named as the document prints them, each with its line', () => {
  const p = plan(text);
  expect(p.problems).toEqual([]);
  expect(p.ok).toBe(true);
  const first = p.steps[0]!;
  expect(first.command.type).toBe('AdoptReferenceCodes');
  const codes = (first.command as AdoptReferenceCodes).data.codes;
  expect(codes.map((c) => [c.code, c.name, c.level])).toEqual(
    NEW.map((c) => [c.code, c.name, c.level]),
  );
  for (const c of codes) {
    const m = /^sh\.txt sha256:0{12} line (\d+) \((.+)\)$/.exec(c.source)!;
    expect(m).not.toBeNull();
    expect(text.split('\n')[Number(m[1]) - 1]).toContain(
      c.code.length === 5
        ? `${c.code.slice(0, 3)} | ${c.code.slice(3)} |  | ${c.name}`
        : `| ${c.code.slice(5)} | ${c.name}`,
    );
    expect(m[2]).toBe('2025年预算单位收入预算总表');
  }
  // The plan reproduces the document with the adopted codes.
  const cmp = compareTables(
    parsed.tables,
    SHANGHAI_TABLE_IDS.map((id) => renderShanghai9(factsOf(p), wide).tables[id]),
  );
  expect(cmp.mismatches).toEqual([]);
  expect(
    linesOf(p).some(
      (l) => l.line.functionalCode === '2019999' && l.line.fundSource === 'business-income',
    ),
  ).toBe(true);
});

test("importing records the codes, then the lines that use them; the ledger's disclosure prints them by name; re-importing appends nothing", async () => {
  expect(referenceFor(2025).entry('functional', '2010699')).toBeUndefined();
  const r = await importDisclosure(service, ledger.store, {
    fileName: 'sh-new-codes.txt',
    text,
    departmentCode: '311',
    fiscalYear: 2025,
  });
  expect(r.problems).toEqual([]);
  expect(r.ok).toBe(true);
  expect(r.steps[0]!.summary).toMatch(/^AdoptReferenceCodes 2025: 3 /);

  const { rows } = await ledger.db.ownerPool.query(
    "SELECT stream_id, data, metadata FROM events WHERE type = 'ReferenceCodesAdopted'",
  );
  expect(rows).toHaveLength(1);
  expect(rows[0].stream_id).toBe('reference-2025');
  expect(rows[0].metadata.documentRef).toBe(`sh-new-codes.txt sha256:${r.sha256}`);
  expect(rows[0].data.codes.map((c: AdoptedCode) => c.source)).toEqual(
    NEW.map(() =>
      expect.stringMatching(
        new RegExp(`^sh-new-codes\\.txt sha256:${r.sha256.slice(0, 12)} line \\d+ \\(`),
      ),
    ),
  );
  expect(referenceFor(2025).entry('functional', '2019999')?.source).toMatch(
    /^ADOPTED from sh-new-codes\.txt/,
  );

  const { facts } = await loadDisclosure(ledger.db.appPool, {
    departmentCode: '311',
    fiscalYear: 2025,
    moneyUnit: 'yuan',
  });
  const rendered = renderShanghai9(facts, referenceFor(2025));
  expect(
    compareTables(
      parsed.tables,
      SHANGHAI_TABLE_IDS.map((id) => rendered.tables[id]),
    ).mismatches,
  ).toEqual([]);
  expect(rendered.tables.sh02.rows.find((row) => row.code === '20199')?.cells[3]).toBe(
    '其他一般公共服务支出',
  );

  const count = async () =>
    Number((await ledger.db.ownerPool.query('SELECT count(*) AS n FROM events')).rows[0].n);
  const before = await count();
  const again = await importDisclosure(service, ledger.store, {
    fileName: 'sh-new-codes.txt',
    text,
    departmentCode: '311',
    fiscalYear: 2025,
  });
  expect(again.ok).toBe(true);
  expect(again.steps.every((s) => s.status === 'already-imported')).toBe(true);
  expect(await count()).toBe(before);
});

test('a process that starts on this ledger learns the adopted codes from the log', async () => {
  registerReferenceData(pristine); // as a fresh process has them: the year's files only
  expect(referenceFor(2025).entry('functional', '2010699')).toBeUndefined();
  expect(await loadAdoptedCodes(ledger.store)).toBe(1);
  expect(referenceFor(2025).name('functional', '2010699')).toBe('其他财政事务支出');
  expect(
    referenceFor(2025)
      .children('functional', '20199')
      .map((e) => e.code),
  ).toEqual(['2019999']);
});

test('a code the ledger already has under another name is refused, and nothing is appended', async () => {
  const count = async () =>
    Number((await ledger.db.ownerPool.query('SELECT count(*) AS n FROM events')).rows[0].n);
  const before = await count();
  const command: AdoptReferenceCodes = {
    type: 'AdoptReferenceCodes',
    data: {
      fiscalYear: 2025,
      adoptedAt: '2025-02-01',
      codes: [{ ...NEW[0]!, name: '财政其他支出' }],
    },
  };
  await expect(service.adoptCodes(command, { actor: 'admin:test' })).rejects.toMatchObject({
    details: { ruleId: 'code.adopt-conflict' },
  });
  expect(await count()).toBe(before);
});
