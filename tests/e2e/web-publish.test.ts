/**
 * Journey: a budget officer publishes after the publication gate's dry run. On the seed the check
 * passes and the button is enabled; once the whole-unit form is withdrawn the WARNING is listed
 * with its fix, and the button waits for the officer to acknowledge it; the publication then
 * records the acknowledgement.
 */
import { describeInBrowser, useWorkbench } from '../support/workbench';

describeInBrowser('workbench: publishing through the publication gate', () => {
  const w = useWorkbench();

  test('the check passes on the seed; a WARNING must be acknowledged before publishing', async () => {
    const page = await w.open('/login');
    await w.signIn(page, 'officer');
    await page.waitForURL(/\/officer$/);
    await page.goto(`${w.baseUrl}/officer/019001/2024`);
    await page.getByRole('tab', { name: '公开' }).click();
    await page.getByText('检查通过，可以公开。').waitFor();
    const button = page.getByRole('button', { name: '公开 2024 年度预算' });
    expect(await button.isDisabled()).toBe(false);

    await w.api(
      w.tokens.officer,
      `mutation { withdrawPerformanceTargets(input: { unitCode: "019001", fiscalYear: 2024,
         formId: "unit", reason: "重新编制" }) { streamId } }`,
    );
    await page.reload();
    await page.getByRole('tab', { name: '公开' }).click();
    const findings = page.getByTestId('publication-findings');
    await findings.getByText('警告：应有部门（单位）整体绩效目标表').waitFor();
    // The hint says where in the workbench to act, not which mutation an integrator would call.
    expect(await findings.innerText()).toContain('在“绩效目标”页填报本单位的整体绩效目标表');
    expect(await findings.innerText()).not.toMatch(/[a-z][A-Z]/);
    expect(await button.isDisabled()).toBe(true);
    await page.getByLabel(/已知悉“应有部门（单位）整体绩效目标表”/).check();
    expect(await button.isDisabled()).toBe(false);
    page.once('dialog', (d) => void d.accept());
    await button.click();
    await page.getByText(/已公开（账本位置 \d+）/).waitFor();
  });
});
