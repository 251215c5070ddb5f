/**
 * Journey: a citizen, no token, on the workbench served at `/`: the list of published
 * disclosures, the seed's disclosure as a web page (13 tables, explanation, forms, both charts),
 * its position and digest, the downloads — with nothing fetched from outside the service.
 */
import expected from '../../data/seed/fenyang-2024/expected.json';
import { describeInBrowser, useWorkbench } from '../support/workbench';

describeInBrowser('workbench: public reading and download', () => {
  const w = useWorkbench();

  test('home → published disclosure page → downloads, offline, on a desktop and a phone', async () => {
    const page = await w.open('/');
    await page.getByRole('link', { name: '2024年度部门预算' }).click();
    await page.waitForURL(/\/public\/019\/2024$/);
    await page.waitForSelector('section.dtable#t13', { timeout: 30_000 });
    const text = await page.innerText('main');
    expect(text).toContain('汾阳市行政审批服务管理局');
    // Every table's title as published, and the seed's total.
    for (const t of Object.values(expected.tables) as { title: string }[])
      expect(text).toContain(t.title.trim());
    expect(text).toContain('1,256.36');
    expect(text).toContain('“三公”经费增减变动原因说明');
    // The whole-unit form's 年度预算 is in the tables' money unit (万元), as the seed prints it.
    expect(text).toMatch(/年度预算：1,256.36 万元/);
    // The position and digest shown are those of the API (publishedDisclosures), not made up.
    const res = await fetch(`${w.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ publishedDisclosures { position digest } }' }),
    });
    const [pub] = (
      (await res.json()) as {
        data: { publishedDisclosures: { position: string; digest: string }[] };
      }
    ).data.publishedDisclosures;
    expect(await page.innerText('[data-testid=position]')).toBe(pub!.position);
    expect(await page.innerText('[data-testid=digest]')).toMatch(/^[0-9a-f]{64}$/);
    expect(await page.innerText('[data-testid=digest]')).toBe(pub!.digest);
    // Both charts are drawn (ECharts, SVG), from tables 5 and 10.
    await page.waitForSelector('.charts figure:nth-child(2) svg', { timeout: 30_000 });
    expect(await page.locator('.charts svg').count()).toBe(2);
    await w.shot(page, 'workbench-public');
    await page.locator('#explanation').scrollIntoViewIfNeeded();
    await w.shot(page, 'workbench-public-charts');

    // Downloads: the links the page offers give the files.
    for (const [name, check] of [
      ['disclosure.xlsx', (b: Buffer) => b.subarray(0, 2).toString() === 'PK'],
      ['disclosure.pdf', (b: Buffer) => b.subarray(0, 5).toString() === '%PDF-'],
      // The 山西 layout offers the web page and JSON too, like the other layouts.
      ['disclosure.html', (b: Buffer) => /<html/i.test(b.toString())],
      ['disclosure.json', (b: Buffer) => typeof JSON.parse(b.toString()) === 'object'],
      ['datapackage.json', (b: Buffer) => JSON.parse(b.toString()).resources.length > 0],
      ['budget-lines.csv', (b: Buffer) => b.toString().split('\n').length > 10],
    ] as const) {
      const href = await page.getAttribute(`a[href$="/${name}"]`, 'href');
      const r = await fetch(`${w.baseUrl}${href}`);
      expect(r.status).toBe(200);
      expect(check(Buffer.from(await r.arrayBuffer()))).toBe(true);
    }
    // Each table's CSV is offered as the table is numbered, not by its file name.
    expect(await page.textContent('a[href$="/t01.csv"]')).toBe('表1');
    const t05 = await fetch(`${w.baseUrl}/disclosures/019/2024/t05.csv`);
    expect(await t05.text()).toContain('2010301,行政运行,117.31');

    // A Shanghai department downloads its own form: the layout, then its 部门预算 in 元 with 分.
    expect(await page.locator('#dl-variant').count()).toBe(0);
    await page.selectOption('#dl-layout', { label: '上海9表（元）' });
    await page.selectOption('#dl-variant', { label: '部门预算' });
    await page.selectOption('#dl-decimals', { label: '元，2位小数' });
    const sh01 = await page.getAttribute('a[href*="/sh01.csv"]', 'href');
    expect(sh01).toBe(
      '/disclosures/019/2024/sh01.csv?layout=shanghai-9&variant=department&decimals=2',
    );
    const [header, ...rows] = (await (await fetch(`${w.baseUrl}${sh01}`)).text()).split('\r\n');
    expect(header).toBe('项目,预算数,项目,预算数');
    expect(rows.join('\n')).toContain('收入总计,12563628.60,支出总计,12563628.60');
    const pdf = await page.getAttribute('a[href*="/disclosure.pdf"]', 'href');
    expect(pdf).toMatch(/\?layout=shanghai-9&variant=department&decimals=2$/);

    // A phone-width screen: the page does not overflow sideways (tables scroll in their box).
    const phone = await w.open('/public/019/2024', { width: 390, height: 844 });
    await phone.waitForSelector('section.dtable#t13', { timeout: 30_000 });
    const overflow = await phone.evaluate<number>(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await w.shot(phone, 'workbench-public-phone');
    expect(w.outside).toEqual([]);
    expect(w.failed).toEqual([]);
  });

  test('a year not published says so in Chinese, with no draft and no downloads — signed in or not', async () => {
    // Given 019's 2025 opened (a draft with no publication) …
    await w.api(
      w.tokens.admin,
      `mutation { openFiscalYear(input: { unitCode: "019001", fiscalYear: 2025 }) { streamId } }`,
    );
    const expectUnpublished = async (page: import('playwright-core').Page) => {
      await page.getByTestId('not-published').waitFor();
      const text = await page.innerText('main');
      expect(text).toContain('该部门该年度预算尚未公开');
      expect(text).not.toContain('年度部门预算公开');
      expect(text).not.toContain('公开版本');
      expect(await page.locator('a[download], a[href^="/disclosures/"]').count()).toBe(0);
      expect(await page.locator('section.dtable').count()).toBe(0);
    };
    // … a citizen reads that it is not published;
    const citizen = await w.open('/public/019/2025');
    await expectUnpublished(citizen);
    expect(await citizen.locator('a[href^="/officer/"], a[href^="/audit/"]').count()).toBe(0);
    // an officer, signed in, too, with the way to the unit's draft;
    const officer = await w.open('/login');
    await w.signIn(officer, 'officer');
    await officer.goto(`${w.baseUrl}/public/019/2025`);
    await expectUnpublished(officer);
    await officer.getByRole('link', { name: /数字政府服务中心（019002）的编制页面/ }).waitFor();
    expect(await officer.getAttribute('a[href="/officer/019001/2025"]', 'href')).toBe(
      '/officer/019001/2025',
    );
    // an auditor gets the audit timeline;
    const auditor = await w.open('/login');
    await w.signIn(auditor, 'auditor');
    await auditor.goto(`${w.baseUrl}/public/019/2025`);
    await expectUnpublished(auditor);
    await auditor.locator('a[href="/audit/019/2025"]').waitFor();
    // and the published year, signed in, is the published one: its position, not the draft's head.
    await officer.goto(`${w.baseUrl}/public/019/2024`);
    await officer.waitForSelector('section.dtable#t13', { timeout: 30_000 });
    const [pub] = (await w.api(null, '{ publishedDisclosures { position } }'))
      .publishedDisclosures as { position: string }[];
    expect(await officer.innerText('[data-testid=position]')).toBe(pub!.position);
    expect(await officer.locator('a[href$="/disclosure.pdf"]').count()).toBe(1);
  });

  test('the page never shadows the API: /graphql, /healthz and unknown downloads keep their answers', async () => {
    expect((await fetch(`${w.baseUrl}/healthz`)).headers.get('content-type')).toContain('json');
    expect((await fetch(`${w.baseUrl}/disclosures/019/2024/nothing.bin`)).status).toBe(404);
    expect((await fetch(`${w.baseUrl}/disclosures/999/2024/t01.csv`)).status).toBe(404);
    const deep = await fetch(`${w.baseUrl}/officer/019001/2024`, {
      headers: { accept: 'text/html' },
    });
    expect(await deep.text()).toContain('<div id="root">');
  });
});
