/**
 * The publication gate over HTTP: publicationCheck (the dry run) and publishDisclosure on the
 * seed, as a budget officer would meet them. The seed as it is publishes; a withdrawn whole-unit
 * form is a WARNING that refuses until acknowledged, and the acknowledgement is in the recorded
 * event; a registered project without money is a SUGGEST that does not block; a project whose form
 * was withdrawn is FATAL, and the refusal names it.
 */
import { upcast } from '../../src/domain';
import { startTestServer, type TestServer } from '../support/server';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

const UY = { unitCode: '019001', fiscalYear: 2024 };
const FINDING =
  'ruleId level title message check subject cells { table row column } figures { published computed difference } fix';
const CHECK = `query($ack: [String!]) { publicationCheck(unitCode: "019001", fiscalYear: 2024, acknowledge: $ack) {
  departmentCode ledgerPosition publishable findings { ${FINDING} } blocking { ruleId level } } }`;
const PUBLISH = `mutation($input: PublishDisclosureInput!) { publishDisclosure(input: $input) {
  ledgerPosition events { id } acknowledgedWarnings { ${FINDING} } } }`;
const UNIT_FORM = 'publication.unit-performance-form';

interface Finding {
  ruleId: string;
  level: string;
  title: string;
  subject: string | null;
  message: string;
  fix: string;
  cells: { table: string; row: string; column: string }[];
}
interface Check {
  departmentCode: string;
  publishable: boolean;
  findings: Finding[];
  blocking: { ruleId: string; level: string }[];
}

const officer = <T>(query: string, variables: Record<string, unknown> = {}) =>
  s.gql<T>(query, variables, s.tokens.BUDGET_OFFICER);
const check = async (ack: string[] = []): Promise<Check> => {
  const r = await officer<{ publicationCheck: Check }>(CHECK, { ack });
  expect(r.errors).toBeUndefined();
  return r.data!.publicationCheck;
};
async function mutate(doc: string): Promise<void> {
  const r = await officer(`mutation { ${doc} }`);
  expect(r.errors).toBeUndefined();
}

test('the seed as it is: no finding, and it publishes', async () => {
  expect(await check()).toMatchObject({ departmentCode: '019', publishable: true, findings: [] });
  const r = await s.gql(PUBLISH, { input: { ...UY, title: '门禁通过' } }, s.tokens.BUDGET_OFFICER);
  expect(r.errors).toBeUndefined();
  expect(r.data!.publishDisclosure.acknowledgedWarnings).toEqual([]);
});

test('a WARNING refuses until acknowledged; the acknowledgement is recorded in the event', async () => {
  await mutate(
    `withdrawPerformanceTargets(input: { unitCode: "019001", fiscalYear: 2024, formId: "unit", reason: "重新编制" }) { streamId }`,
  );
  const warned = await check();
  expect(warned.publishable).toBe(false);
  expect(warned.findings).toEqual([
    expect.objectContaining({ ruleId: UNIT_FORM, level: 'WARNING' }),
  ]);
  expect((await check([UNIT_FORM])).publishable).toBe(true);

  const refused = await officer(PUBLISH, { input: UY });
  expect(refused.errors?.[0]?.extensions).toMatchObject({
    code: 'BAD_USER_INPUT',
    details: {
      ruleId: 'publication.blocked',
      findings: [expect.objectContaining({ ruleId: UNIT_FORM, level: 'WARNING' })],
    },
  });

  const ok = await officer<{
    publishDisclosure: { events: { id: string }[]; acknowledgedWarnings: Finding[] };
  }>(PUBLISH, { input: { ...UY, acknowledge: [UNIT_FORM] } });
  expect(ok.errors).toBeUndefined();
  const payload = ok.data!.publishDisclosure;
  expect(payload.acknowledgedWarnings).toEqual([
    expect.objectContaining({ ruleId: UNIT_FORM, level: 'WARNING', fix: expect.any(String) }),
  ]);
  // Read back from the log: the event itself carries the acknowledged finding.
  const [event] = await s.store.readEvents([payload.events[0]!.id]);
  expect(event!.type).toBe('DisclosurePublished');
  expect(event!.schemaVersion).toBe(2);
  const data = upcast(event!.type, event!.schemaVersion, event!.data) as {
    acknowledgedWarnings: Finding[];
  };
  expect(data.acknowledgedWarnings).toEqual([
    expect.objectContaining({ ruleId: UNIT_FORM, level: 'WARNING', subject: null }),
  ]);
});

test('a SUGGEST is reported and does not block: a project with a form but no money', async () => {
  await mutate(
    `registerProject(input: { unitCode: "019001", fiscalYear: 2024, code: "P90", name: "门禁测试项目", category: "specific-goal", attribute: "one-off", period: "1年" }) { streamId }`,
  );
  await mutate(
    `setPerformanceTargets(input: { unitCode: "019001", fiscalYear: 2024, projectCode: "P90", form: { indicators: [{ level1: "产出指标", value: "1" }] } }) { streamId }`,
  );
  const suggested = await check([UNIT_FORM]);
  expect(suggested.publishable).toBe(true);
  expect(suggested.findings).toContainEqual(
    expect.objectContaining({
      ruleId: 'publication.project-funded',
      level: 'SUGGEST',
      subject: 'P90',
    }),
  );
  const r = await officer(PUBLISH, { input: { ...UY, acknowledge: [UNIT_FORM] } });
  expect(r.errors).toBeUndefined();
});

test('a project whose performance form was withdrawn is FATAL: refused, naming the project', async () => {
  await mutate(
    `withdrawPerformanceTargets(input: { unitCode: "019001", fiscalYear: 2024, formId: "project:P02", reason: "项目调整" }) { streamId }`,
  );
  const fatal = await check([UNIT_FORM]);
  expect(fatal.publishable).toBe(false);
  expect(fatal.blocking).toEqual([
    { ruleId: 'publication.project-performance-form', level: 'FATAL' },
  ]);
  const r = await officer(PUBLISH, { input: { ...UY, acknowledge: [UNIT_FORM] } });
  expect(r.data).toBeNull();
  const error = r.errors![0]!;
  expect(error.extensions.code).toBe('BAD_USER_INPUT');
  expect(error.message).toContain('电子政务外网网络租赁及运维等费用');
  expect(error.extensions.details).toMatchObject({
    ruleId: 'publication.blocked',
    findings: [
      {
        ruleId: 'publication.project-performance-form',
        level: 'FATAL',
        subject: 'P02',
        cells: [{ table: 't12', row: 'P02', column: 'total' }],
        fix: expect.stringContaining('在“绩效目标”页为该项目填报绩效目标表'),
      },
    ],
  });
  // Acknowledging is for WARNING rules only.
  const ack = await officer(PUBLISH, {
    input: { ...UY, acknowledge: ['publication.project-performance-form'] },
  });
  expect(ack.errors?.[0]?.extensions).toMatchObject({
    code: 'BAD_USER_INPUT',
    details: { ruleId: 'input.invalid', field: 'acknowledge' },
  });
});

test('an officer reads every finding in Chinese: no API name (camelCase), no rule id, in title, message or fix', async () => {
  // Given the findings the tests above left (a withdrawn project form, a whole-unit form, a
  // project without money), when the officer checks, then what the workbench shows is Chinese.
  const { findings } = await check();
  expect(findings.length).toBeGreaterThanOrEqual(2);
  for (const f of findings)
    for (const text of [f.title, f.message, f.fix]) {
      expect(text).not.toMatch(/[a-z][A-Z]/);
      expect(text).not.toMatch(/publication\.|\bt\d\d\.|scope [A-Z]/);
    }
});

test('publicationCheck is an officer’s of the unit: another unit’s officer is FORBIDDEN', async () => {
  const r = await s.gql(CHECK, {}, s.tokens.OTHER_OFFICER);
  expect(r.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
  expect((await s.gql(CHECK, {}, null)).errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
});
