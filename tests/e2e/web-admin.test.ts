/**
 * Journey: the finance bureau's administrator. Departments and units as a tree with each
 * unit-year's state; a new unit registered under the seed department and its year opened from
 * the page, both then in the tree — and in the registry the API reads.
 */
import { describeInBrowser, useWorkbench } from '../support/workbench';

describeInBrowser('workbench: administrator overview', () => {
  const w = useWorkbench();

  test('tree with states → register a unit → open its year', async () => {
    const page = await w.open('/login');
    await w.signIn(page, 'admin');
    await page.waitForURL(/\/admin$/);
    const tree = page.getByTestId('tree');
    await tree.getByText('部门 019').waitFor();
    const home = tree.locator('li[data-unit="019001"]').first();
    expect(await home.innerText()).toMatch(
      /汾阳市行政审批服务管理局（019001，行政单位）.*2024年：已公开/,
    );
    // 数字政府服务中心 is drawn under 本级, and its 2024 figures are in the department's published
    // disclosure: publication is the department's, so its year is 已公开 with that date too.
    const sub = home.locator('li[data-unit="019002"]');
    expect(await sub.count()).toBe(1);
    expect(await sub.innerText()).toMatch(
      /数字政府服务中心（019002，.*）.*2024年：已公开 \d{4}-\d{2}-\d{2}/,
    );
    expect(await sub.innerText()).not.toContain('编制中');

    await page.getByLabel('单位代码').fill('019003');
    await page.getByLabel('单位名称').fill('汾阳市政务服务中心');
    await page.getByLabel('部门代码').fill('019');
    await page.getByLabel('单位类型').selectOption('institution');
    await page.getByLabel('上级单位').selectOption('019001');
    await page.getByRole('button', { name: '登记' }).click();
    await page.getByText('已登记 汾阳市政务服务中心（019003）。').waitFor();
    await home.locator('li[data-unit="019003"]').getByText('未开启年度').waitFor();

    await page.getByLabel('单位', { exact: true }).selectOption('019003');
    await page.getByLabel('年度').fill('2025');
    await page.getByRole('button', { name: '开启年度' }).click();
    await page.getByText('已开启 019003 的 2025 年度。').waitFor();
    await home.locator('li[data-unit="019003"]').getByText('2025年：编制中').waitFor();
    // Opening it twice is the domain's refusal, in Chinese.
    await page.getByRole('button', { name: '开启年度' }).click();
    await page.getByText('该单位该年度预算已开启').waitFor();
    await w.shot(page, 'workbench-admin');

    expect(
      await w.api(
        w.tokens.auditor,
        '{ unit(code: "019003") { name parentUnitCode fiscalYears { fiscalYear } } }',
      ),
    ).toEqual({
      unit: {
        name: '汾阳市政务服务中心',
        parentUnitCode: '019001',
        fiscalYears: [{ fiscalYear: 2025 }],
      },
    });
    expect(w.outside).toEqual([]);
  });
});
