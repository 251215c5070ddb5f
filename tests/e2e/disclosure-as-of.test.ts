/**
 * Over HTTP, a point in time shows only that point: the GraphQL disclosure at a position and the
 * public downloads pinned to a publication's position answer what the ledger held there, whatever
 * was written after it (a unit registered, a form withdrawn).
 */
import { PUBLIC_DISCLOSURE_QUERY } from '../../src/graphql/public-reads';
import { everyExport } from '../support/exports';
import { startTestServer, type TestServer } from '../support/server';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
}, 120_000);
afterAll(() => s.close());

const LATER_UNIT = '后设政务数据中心';

const AT_POSITION = `query ($position: Position!) {
  disclosure(departmentCode: "019", fiscalYear: 2024, asOf: { position: $position }) {
    department { code name } asOf { position }
    tables { id title unitName rows { role key code name cells { column value } } }
    performanceForms {
      unit { formId unitName revision form { goal indicators { level1 level3 value } } }
      projects { formId projectCode projectName unitName revision fundsYuan }
    }
    assets { asOf vehicles { establishment actual } }
    procurement { goods works services total }
  }
}`;

const mutate = async (query: string) => {
  const r = await s.gql(query, {}, s.tokens.ADMIN);
  expect(r.errors).toBeUndefined();
};

/** The pinned URL of an export file keyed `<layout>/<format>/<file>` (see everyExport). */
const pinnedUrl = (position: string, key: string): string => {
  const [layout, , file] = key.split('/');
  return `/disclosures/019/2024@${position}/${file}${layout === 'shanxi-13' ? '' : `?layout=${layout}`}`;
};

test('given the published seed, when a unit is registered and a form withdrawn after it, then the disclosure at its position and its pinned files are unchanged', async () => {
  const pub = await s.gql(PUBLIC_DISCLOSURE_QUERY, { departmentCode: '019', fiscalYear: 2024 });
  const position = pub.data?.disclosure.asOf.position as string;
  expect(position).toMatch(/^\d+$/);
  const before = await s.gql(AT_POSITION, { position }, s.tokens.ADMIN);
  expect(before.errors).toBeUndefined();
  expect(before.data?.disclosure.performanceForms.unit.formId).toBe('unit');
  const files = await everyExport(s.db.appPool, '019', 2024, {
    asOf: position,
    published: true,
  });

  await mutate(`mutation { registerBudgetUnit(input: { unitCode: "019003", name: "${LATER_UNIT}",
    kind: "administrative", parentUnitCode: "019001", departmentCode: "019",
    registeredAt: "2023-12-01" }) { streamId } }`);
  await mutate(
    `mutation { openFiscalYear(input: { unitCode: "019003", fiscalYear: 2024 }) { streamId } }`,
  );
  await mutate(`mutation { withdrawPerformanceTargets(input: { unitCode: "019001", fiscalYear: 2024,
    formId: "unit", reason: "重新编制" }) { streamId } }`);

  const after = await s.gql(AT_POSITION, { position }, s.tokens.ADMIN);
  expect(after.data).toEqual(before.data);
  const now = await s.gql(
    `{ disclosure(departmentCode: "019", fiscalYear: 2024) { performanceForms { unit { formId } } } }`,
    {},
    s.tokens.ADMIN,
  );
  expect(now.data?.disclosure.performanceForms.unit).toBeNull();

  // Each pinned file is rendered on its first request: here, after the writes.
  for (const [key, expected] of files) {
    const res = await fetch(`${s.url}${pinnedUrl(position, key)}`);
    expect({ key, status: res.status }).toEqual({ key, status: 200 });
    const body = Buffer.from(await res.arrayBuffer());
    expect({ key, same: body.equals(expected) }).toEqual({ key, same: true });
  }
  const html = await fetch(`${s.url}/disclosures/019/2024@${position}/disclosure.html`);
  expect(await html.text()).not.toContain(LATER_UNIT);
}, 180_000);
