/**
 * Journey: a budget officer signs in with a token, finds budget lines by code and name, and asks
 * for a 调剂 by picking lines (never typing an id): amounts checked as typed, a rule the domain
 * refuses shown beside its line, a preview of the tables it changes, and a submission that
 * survives someone else changing the unit's budget in between (re-read and re-previewed, never
 * shown as a conflict). Then the submission is in "my submissions", awaiting review.
 */
import type { Page } from 'playwright-core';
import { describeInBrowser, useWorkbench } from '../support/workbench';

/** What the officer must never see: a line id, a stream version, an API error code. */
function expectNothingInternal(text: string): void {
  expect(text).not.toMatch(/\d{6}\|\d{4}\|/);
  expect(text).not.toMatch(/CONCURRENCY_CONFLICT|expectedVersion|POLICY_VIOLATION|BAD_USER_INPUT/);
  expect(text).not.toContain('版本');
}

async function pickLine(page: Page, entry: number, search: string): Promise<void> {
  const box = page.locator(`[data-testid=entry-${entry}]`);
  await box.getByLabel('查找预算行（代码或名称）').fill(search);
  await box.locator('select[size]').selectOption({ index: 0 });
  await box.getByText(`已选：`).waitFor();
}

describeInBrowser('workbench: budget officer submits an adjustment with a preview', () => {
  const w = useWorkbench();

  test('sign in → lines → 调剂 with validation, preview, a concurrent change, submission', async () => {
    const page = await w.open('/login');
    await w.signIn(page, 'officer');
    await page.waitForURL(/\/officer$/);
    await page.getByRole('link', { name: '2024年度' }).first().click();
    await page.waitForURL(/\/officer\/019001\/2024$/);

    // Lines, searched by code and by name.
    await page.getByLabel('按代码或名称查找').fill('30201');
    await page.waitForSelector('text=办公费');
    expect(await page.innerText('main')).toMatch(/共 \d+ 行，显示 [1-9]\d* 行/);
    await page.getByLabel('按代码或名称查找').fill('差旅费 2010301');
    await page.waitForSelector('td:has-text("30211 差旅费")');

    await page.getByRole('tab', { name: '申请调整' }).click();
    await page.getByLabel('文号').fill('汾财预调（2024）9号');
    await page.getByLabel('调整原因').fill('差旅费不足，从办公费调剂');
    await pickLine(page, 0, '办公费 2010301');
    await pickLine(page, 1, '差旅费 2010301');
    const first = page.locator('[data-testid=entry-0]');
    const second = page.locator('[data-testid=entry-1]');
    // Amounts are checked as they are typed.
    await first.getByLabel('金额（元）').fill('50.123');
    await first.getByText('金额须为元，最多两位小数').waitFor();
    await first.getByLabel('金额（元）').fill('5000');
    expect(await first.locator('.field-error').innerText()).toBe('');
    // A transfer that does not net to zero: the domain's rule, beside the line at fault.
    await second.getByLabel('金额（元）').fill('4000');
    await page.getByRole('button', { name: '预览变动' }).click();
    await second.getByText('调剂须增减相抵').waitFor();
    expect(await page.getByRole('button', { name: '提交审核' }).isDisabled()).toBe(true);

    await second.getByLabel('金额（元）').fill('5000');
    await page.getByRole('button', { name: '预览变动' }).click();
    await page.waitForSelector('[data-testid=preview-changes]');
    const preview = await page.innerText('[data-testid=preview-changes]');
    expect(preview).toContain('表六');
    expect(preview).toMatch(/30201 办公费[\s\S]*1\.92[\s\S]*1\.42/);
    expect(preview).toMatch(/30211 差旅费[\s\S]*0\.80[\s\S]*1\.30/);
    await first.getByText(/余额 [\d,.]+ 元 → /).waitFor();
    await page.locator('[data-testid=preview-changes]').scrollIntoViewIfNeeded();
    await w.shot(page, 'workbench-officer-preview');

    // Meanwhile the unit's budget changes (another submission through the API).
    await w.api(
      w.tokens.admin,
      `mutation { submitAdjustment(input: { unitCode: "019001", fiscalYear: 2024,
        adjustmentType: DECREASE, reason: "压减", documentNumber: "汾财预调（2024）10号",
        lines: [{ line: { fundSource: "general-public", functionalCode: "2010301", kind: "public",
          deptEconCode: "30201", govEconCode: "50201" }, delta: "-100.00" }] }) { adjustmentId } }`,
    );

    await page.getByRole('button', { name: '提交审核' }).click();
    // The stale preview is made again for the user, who confirms it.
    await page.getByText('已按最新数据重新预览').waitFor();
    await page.waitForSelector('[data-testid=preview-changes]');
    expectNothingInternal(await page.innerText('body'));
    await page.getByRole('button', { name: '提交审核' }).click();

    await page.waitForSelector('[data-testid=submissions]');
    const mine = await page.innerText('[data-testid=submissions]');
    expect(mine).toContain('汾财预调（2024）9号');
    expect(mine).toMatch(/待审核 · 汾财预调（2024）9号/);
    expect(mine).toContain('30201 办公费');
    expect(mine).toContain('调减 5,000.00 元');
    expectNothingInternal(await page.innerText('body'));
    await w.shot(page, 'workbench-officer-submitted');

    // Performance targets: revise a form already set; a revision needs its reason.
    await page.getByRole('tab', { name: '绩效目标' }).click();
    await page.waitForSelector('#target-of option', { state: 'attached' });
    const options = await page.locator('#target-of option').allInnerTexts();
    const set = options.findIndex((o) => o.includes('已设定'));
    expect(set).toBeGreaterThanOrEqual(0);
    await page.selectOption('#target-of', String(set));
    await page.getByLabel('指标值').first().fill('≥99%');
    await page.getByRole('button', { name: '修订绩效目标' }).click();
    await page.getByText('修订须填写原因').waitFor();
    await page.getByLabel('修订原因').fill('年中调整目标');
    await page.getByRole('button', { name: '修订绩效目标' }).click();
    await page.getByText('已修订。').waitFor();
    await page.waitForFunction(
      ([i]) =>
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        (globalThis as any).document
          .querySelectorAll('#target-of option')
          [i].textContent.match(/第 [1-9]\d* 次修订/),
      [set],
    );
    expect(w.outside).toEqual([]);
  });

  test('given a unit outside the officer token, when the officer opens it, then one clear refusal: no name, no tabs, no page errors', async () => {
    await w.api(
      w.tokens.admin,
      `mutation { registerBudgetUnit(input: { unitCode: "020001", name: "汾阳市测试局",
         kind: "administrative", departmentCode: "020" }) { streamId } }`,
    );
    const page = await w.open('/login');
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await w.signIn(page, 'officer');
    // The header names the person, not the token's role code.
    expect(await page.locator('header .who').innerText()).toContain('预算编制人员 · 张会计');
    expect(await page.locator('header .who').innerText()).not.toContain('budget_officer:');
    await page.goto(`${w.baseUrl}/officer/020001/2024`);
    await page.getByTestId('out-of-reach').getByText('无权查看该单位').waitFor();
    const main = await page.innerText('main');
    expect(main).not.toContain('汾阳市测试局');
    expect(main).not.toContain('当前身份无权进行此操作');
    expect(await page.getByRole('tab').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });

  test('given a 调剂 form with one line picked, when the type becomes 追减, then the empty second row goes and a decrease beyond the balance names the balance', async () => {
    const page = await w.open('/login');
    await w.signIn(page, 'officer');
    await page.goto(`${w.baseUrl}/officer/019001/2024`);
    await page.getByRole('tab', { name: '申请调整' }).click();
    await page.getByLabel('文号').fill('汾财预调（2024）12号');
    await page.getByLabel('调整原因').fill('办公费压减');
    await pickLine(page, 0, '办公费 2010301');
    await page.getByLabel('调整类型').selectOption('DECREASE');
    expect(await page.locator('[data-testid=entry-1]').count()).toBe(0);
    const first = page.locator('[data-testid=entry-0]');
    await first.getByLabel('金额（元）').fill('999999999');
    await page.getByRole('button', { name: '预览变动' }).click();
    await first.getByText(/预算行余额不得为负（当前余额 [\d,.]+ 元）/).waitFor();
    expectNothingInternal(await page.innerText('main'));
  });
});
