/**
 * Journey: a finance reviewer's queue. Two adjustments an officer submitted (through the API) wait
 * for review, each shown with the lines it moves and the table cells it would change once
 * approved; the reviewer approves one and rejects the other with a reason (required), and both
 * appear in "my decisions" — and in the ledger.
 */
import { describeInBrowser, officeLine, SUBMIT, useWorkbench } from '../support/workbench';

describeInBrowser('workbench: finance reviewer approves and rejects', () => {
  const w = useWorkbench();

  test('queue with the tables each adjustment changes → approve one, reject one with a reason → my decisions', async () => {
    const submit = (documentNumber: string, amount: string) =>
      w.api(w.tokens.officer, SUBMIT, {
        input: {
          unitCode: '019001',
          fiscalYear: 2024,
          adjustmentType: 'TRANSFER',
          reason: '差旅费不足',
          documentNumber,
          lines: [
            { line: officeLine('30201'), delta: `-${amount}` },
            { line: officeLine('30211'), delta: amount },
          ],
        },
      });
    const first = (await submit('汾财预调（2024）21号', '3000.00')).submitAdjustment.adjustmentId;
    const second = (await submit('汾财预调（2024）22号', '1000.00')).submitAdjustment.adjustmentId;

    const page = await w.open('/login');
    await w.signIn(page, 'reviewer');
    await page.waitForURL(/\/review$/);
    const one = page.locator(`[data-testid="adjustment-${first}"]`);
    const two = page.locator(`[data-testid="adjustment-${second}"]`);
    await one.locator('[data-testid=preview-changes]').waitFor();
    await two.locator('[data-testid=preview-changes]').waitFor();
    expect(await page.locator('[data-testid=queue] > li').count()).toBe(2);
    const text = await one.innerText();
    expect(text).toContain('汾财预调（2024）21号');
    // Who submitted is named (the actor's name), never by the person id or a role code.
    expect(text).toContain('张会计 于');
    expect(text).not.toMatch(/zhang\.kuaiji|budget_officer:/);
    expect(await page.locator('header .who').innerText()).toContain('财政审核人员 · 李审核');
    expect(text).toContain(
      '2010301 行政运行 · 30201 办公费 · 一般公共预算 · 公用经费：调减 3,000.00 元',
    );
    expect(text).toMatch(/表六[\s\S]*30201 办公费[\s\S]*1\.92[\s\S]*1\.62/);
    await w.shot(page, 'workbench-reviewer-queue');

    await one.getByRole('button', { name: '批准' }).click();
    await one.waitFor({ state: 'detached' });
    // The second one's preview is made again on the budget the approval changed.
    await two.getByText(/1\.62/).first().waitFor();

    await two.getByRole('button', { name: '退回' }).click();
    await two.getByRole('button', { name: '确认退回' }).click();
    await two.getByText('退回须填写理由').waitFor();
    await two.getByLabel('退回理由').fill('缺少调剂依据文件');
    await two.getByRole('button', { name: '确认退回' }).click();
    await page.getByTestId('queue-empty').waitFor();

    const decided = page.getByTestId('decided');
    await decided.getByText('缺少调剂依据文件').waitFor();
    const rows = await decided.innerText();
    expect(rows).toMatch(/汾财预调（2024）21号\s+调剂\s+已批准/);
    expect(rows).toMatch(/汾财预调（2024）22号\s+调剂\s+已退回[\s\S]*缺少调剂依据文件/);
    await w.shot(page, 'workbench-reviewer-decided');

    // Live: a new submission appears in the open queue by itself (adjustmentChanged).
    const third = (await submit('汾财预调（2024）23号', '500.00')).submitAdjustment.adjustmentId;
    await page
      .locator(`[data-testid="adjustment-${third}"] [data-testid=preview-changes]`)
      .waitFor();

    // The ledger agrees.
    const { adjustments } = await w.api(
      w.tokens.auditor,
      '{ adjustments(first: 20) { edges { node { adjustmentId status history { by reason } } } } }',
    );
    const status = Object.fromEntries(
      adjustments.edges.map((e: { node: { adjustmentId: string; status: string } }) => [
        e.node.adjustmentId,
        e.node.status,
      ]),
    );
    expect(status[first]).toBe('APPROVED');
    expect(status[second]).toBe('REJECTED');
    expect(w.outside).toEqual([]);
  });
});
