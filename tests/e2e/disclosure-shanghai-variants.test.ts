/**
 * Over HTTP, the public downloads of the Shanghai 9-table layout in the form a Shanghai document
 * was published in: the 单位 variant (预算单位…, table 1 by 人员经费/公用经费/项目支出) or the 部门
 * variant (部门…, table 1 in one 预算数 column), amounts in whole 元 or with 2 decimals
 * (?variant=unit|department, ?decimals=0|2). Each form is its own document — its own bytes,
 * ETag, cache entry, file name and pinned URL — and a form the layout does not print is refused
 * as a document that does not exist (404, JSON), never a 500.
 */
import { pdfToText } from '../../src/interchange/pdf';
import { startTestServer, type TestServer } from '../support/server';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
}, 120_000);
afterAll(() => s.close());

const SH = '/disclosures/019/2024';
const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${s.url}${path}`, { headers });

/** The header and the 收入总计 row of a table as CSV. */
async function csv(path: string): Promise<{ res: Response; header: string; total: string }> {
  const res = await get(path);
  expect({ path, status: res.status }).toEqual({ path, status: 200 });
  const lines = (await res.text()).trim().split('\r\n');
  return { res, header: lines[0]!, total: lines.find((l) => l.startsWith('收入总计'))! };
}

const titles = async (query: string): Promise<string[]> => {
  const res = await get(`${SH}/disclosure.json${query}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { tables: { title: string }[] }).tables.map((t) => t.title);
};

describe('the Shanghai layout as a 单位 or a 部门 published it', () => {
  test('given the published seed, when table 1 is downloaded in the 部门 variant, then it prints the 部门 titles and one 预算数 column, and it is another document than the 单位 variant', async () => {
    const unit = await csv(`${SH}/sh01.csv?layout=shanghai-9`);
    const dept = await csv(`${SH}/sh01.csv?layout=shanghai-9&variant=department`);
    expect(unit.header).toBe('项目,预算数,项目,合计,人员经费,公用经费,项目支出');
    expect(dept.header).toBe('项目,预算数,项目,预算数');
    // The same total either way: the variant changes the columns, not the budget.
    expect(dept.total).toMatch(/^收入总计,(\d+),支出总计,\1$/);
    expect(unit.total.split(',')[1]).toBe(dept.total.split(',')[1]);

    expect(unit.res.headers.get('etag')).not.toBe(dept.res.headers.get('etag'));
    expect(unit.res.headers.get('content-disposition')).toMatch(/-\d+-sh9-sh01\.csv"$/);
    expect(dept.res.headers.get('content-disposition')).toMatch(/-\d+-sh9-department-sh01\.csv"$/);
    expect(dept.res.headers.get('content-location')).toMatch(
      /^\/disclosures\/019\/2024@\d+\/sh01\.csv\?layout=shanghai-9&variant=department$/,
    );

    const [unitTitles, deptTitles] = [
      await titles('?layout=shanghai-9'),
      await titles('?layout=shanghai-9&variant=department'),
    ];
    expect(unitTitles[0]).toBe('2024年预算单位财务收支预算总表');
    expect(deptTitles[0]).toBe('2024年部门财务收支预算总表');
    expect(unitTitles[1]).toBe('2024年预算单位收入预算总表');
    expect(deptTitles[1]).toBe('2024年部门收入预算总表');
    expect(deptTitles.join()).not.toContain('预算单位');
  });

  test('given the published seed, when the HTML and PDF documents are downloaded in the 部门 variant, then their cover, 编制 line and part name the 部门', async () => {
    const html = async (query: string) => {
      const res = await get(`${SH}/disclosure.html${query}`);
      expect(res.status).toBe(200);
      return res.text();
    };
    const unit = await html('?layout=shanghai-9');
    const dept = await html('?layout=shanghai-9&variant=department');
    expect(unit).toContain('上海市2024年市级单位预算');
    expect(unit).toContain('预算单位：');
    expect(unit).toContain('编制单位：');
    expect(dept).toContain('上海市2024年部门预算');
    expect(dept).toContain('预算主管部门：');
    expect(dept).toContain('编制部门：');
    expect(dept).toContain('部门预算表');
    expect(dept).not.toMatch(/市级单位预算|预算单位：|编制单位：|单位预算表/);

    const pdf = await get(`${SH}/disclosure.pdf?layout=shanghai-9&variant=department`);
    expect(pdf.status).toBe(200);
    const { text } = await pdfToText(Buffer.from(await pdf.arrayBuffer()));
    expect(text).toContain('上海市2024年部门预算');
    expect(text).toContain('编制部门');
    expect(text).not.toContain('市级单位预算');
  });

  test('given the published seed, when it is downloaded with decimals=2, then every 元 amount prints two decimals, the same figures as in whole 元', async () => {
    const whole = await csv(`${SH}/sh01.csv?layout=shanghai-9&variant=department`);
    const cents = await csv(`${SH}/sh01.csv?layout=shanghai-9&variant=department&decimals=2`);
    expect(cents.total).toMatch(/^收入总计,\d+\.\d{2},支出总计,\d+\.\d{2}$/);
    expect(whole.total).not.toContain('.');
    // The same figures: whole 元 are the exact ones rounded half-up (the seed has 分 in it).
    const [exact, rounded] = [cents.total.split(',')[1]!, whole.total.split(',')[1]!];
    expect(exact).not.toMatch(/\.00$/);
    expect(rounded).toBe(String((BigInt(exact.replace('.', '')) + 50n) / 100n));
    expect(cents.res.headers.get('etag')).not.toBe(whole.res.headers.get('etag'));
    expect(cents.res.headers.get('content-disposition')).toMatch(/-sh9-department-2dp-sh01\.csv"$/);
    // The 单位 variant takes decimals too.
    const sh03 = await get(`${SH}/sh03.csv?layout=shanghai-9&decimals=2`);
    const amounts = (await sh03.text())
      .trim()
      .split('\r\n')
      .slice(1)
      .flatMap((r) => r.split(',').slice(4)) // after 类, 款, 项 and the name
      .filter((c) => c !== '');
    expect(amounts.length).toBeGreaterThan(10);
    for (const a of amounts) expect(a).toMatch(/^\d+\.\d{2}$/);
    expect(sh03.headers.get('content-location')).toMatch(/\?layout=shanghai-9&decimals=2$/);
  });

  test('the defaults named or not are one document; a pinned form is immutable and the same bytes', async () => {
    const implicit = await get(`${SH}/sh01.csv?layout=shanghai-9`);
    const explicit = await get(`${SH}/sh01.csv?layout=shanghai-9&variant=unit&decimals=0`);
    expect(explicit.headers.get('etag')).toBe(implicit.headers.get('etag'));
    expect(explicit.headers.get('content-location')).toBe(implicit.headers.get('content-location'));

    const latest = await get(
      `${SH}/disclosure.xlsx?layout=shanghai-9&variant=department&decimals=2`,
    );
    expect(latest.status).toBe(200);
    const pinned = await get(latest.headers.get('content-location')!);
    expect(pinned.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(pinned.headers.get('etag')).toBe(latest.headers.get('etag'));
    expect(Buffer.from(await pinned.arrayBuffer())).toEqual(
      Buffer.from(await latest.arrayBuffer()),
    );
    const revalidated = await get(latest.headers.get('content-location')!, {
      'if-none-match': latest.headers.get('etag')!,
    });
    expect(revalidated.status).toBe(304);
    // The 单位 form's ETag does not revalidate the 部门 form.
    const unitXlsx = await get(`${SH}/disclosure.xlsx?layout=shanghai-9`);
    const other = await get(latest.headers.get('content-location')!, {
      'if-none-match': unitXlsx.headers.get('etag')!,
    });
    expect(other.status).toBe(200);
  });

  test.each([
    ['a variant the layout does not print', '?layout=shanghai-9&variant=部门'],
    ['a variant in another case', '?layout=shanghai-9&variant=Department'],
    ['an empty variant', '?layout=shanghai-9&variant='],
    ['a repeated variant', '?layout=shanghai-9&variant=unit&variant=department'],
    ['a variant with a NUL byte', '?layout=shanghai-9&variant=unit%00'],
    ['one decimal', '?layout=shanghai-9&decimals=1'],
    ['decimals written otherwise', '?layout=shanghai-9&decimals=2.0'],
    ['decimals for the default layout', '?decimals=2'],
    ['a variant for the default layout', '?variant=department'],
    ['a variant for the Jiangsu layout', '?layout=jiangsu-12&variant=unit'],
  ])('%s is no document: 404 JSON, not a 500', async (_what, query) => {
    const file = query.includes('jiangsu')
      ? 'js01.csv'
      : query.includes('shanghai')
        ? 'sh01.csv'
        : 't01.csv';
    for (const at of [SH, `${SH}@1`]) {
      const res = await get(`${at}/${file}${query}`);
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      const body = (await res.json()) as { errors: { extensions: { code: string } }[] };
      expect(body.errors[0]!.extensions.code).toBe('NOT_FOUND');
    }
  });
});
