/**
 * Journey: an auditor. The ledger is verified and a kept digest (the publication's) re-checked;
 * on the department-year's timeline the disclosure is shown as it stood at the publication and
 * after a later approved 调剂, the two points are compared with the changed cells marked, and a
 * changed cell is explained by the postings behind it.
 */
import { describeInBrowser, officeLine, SUBMIT, useWorkbench } from '../support/workbench';

describeInBrowser('workbench: auditor timeline, compare, provenance, verify', () => {
  const w = useWorkbench();

  test('verify and re-check the publication digest; scrub, compare, explain a cell', async () => {
    // After the publication, a 调剂 of 2,000 元 from 办公费 to 差旅费 is submitted and approved.
    const { submitAdjustment } = await w.api(w.tokens.officer, SUBMIT, {
      input: {
        unitCode: '019001',
        fiscalYear: 2024,
        adjustmentType: 'TRANSFER',
        reason: '差旅费不足',
        documentNumber: '汾财预调（2024）31号',
        effectiveDate: '2024-09-01',
        lines: [
          { line: officeLine('30201'), delta: '-2000.00' },
          { line: officeLine('30211'), delta: '2000.00' },
        ],
      },
    });
    await w.api(
      w.tokens.reviewer,
      `mutation A($input: ApproveAdjustmentInput!) { approveAdjustment(input: $input) { nextExpectedVersion } }`,
      {
        input: {
          unitCode: '019001',
          fiscalYear: 2024,
          adjustmentId: submitAdjustment.adjustmentId,
        },
      },
    );
    const [pub] = (await w.api(null, '{ publishedDisclosures { position digest } }'))
      .publishedDisclosures;

    const page = await w.open('/login');
    await w.signIn(page, 'auditor');
    await page.waitForURL(/\/audit$/);
    // The header names the person, not the token's role code.
    expect(await page.locator('header .who').innerText()).toContain('审计人员 · 王审计');
    expect(await page.locator('header .who').innerText()).not.toContain('auditor:');
    // A position that is not a number is refused before anything is sent.
    await page.getByLabel('账本位置').fill('abc');
    await page.getByLabel('保存的摘要').fill('x');
    await page.getByRole('button', { name: '复核摘要' }).click();
    await page.getByTestId('digest-result').getByText('账本位置须为非负整数').waitFor();
    await page.getByRole('button', { name: '核验整本账（verifyLedger）' }).click();
    await page.getByTestId('verify-result').getByText('账本完整').waitFor();
    await page.getByLabel('账本位置').fill(pub.position);
    await page.getByLabel('保存的摘要').fill(pub.digest);
    await page.getByRole('button', { name: '复核摘要' }).click();
    await page.getByTestId('digest-result').getByText('一致：').waitFor();
    await page
      .getByLabel('保存的摘要')
      .fill(pub.digest.replace(/^./, (c: string) => (c === '0' ? '1' : '0')));
    await page.getByRole('button', { name: '复核摘要' }).click();
    await page.getByTestId('digest-result').getByText('不一致').waitFor();

    await page.getByRole('link', { name: '2024年度 时间线' }).click();
    await page.waitForURL(/\/audit\/019\/2024$/);
    await page.getByTestId('current-event').getByText('调整批准').waitFor();
    await page.waitForSelector('section.dtable#t06');
    // The event in Chinese: its type, the reviewer by name, Beijing time; no raw codes, and no
    // empty "· ·" for the 文号 an approval does not carry.
    const event = await page.getByTestId('current-event').innerText();
    expect(event).toContain('李审核');
    expect(event).not.toMatch(/AdjustmentApproved|finance_reviewer:|· ·|T\d\d:\d\d:\d\d\.\d+Z/);
    expect(event).toMatch(/记录于 \d{4}-\d\d-\d\d \d\d:\d\d:\d\d/);

    // The publication as the start point, found in the event log.
    await page.getByText(/事件日志/).click();
    await page.getByLabel('按类型筛选').selectOption('DisclosurePublished');
    await page.getByTestId('event-log').getByRole('button', { name: '查看此时' }).first().click();
    await page.getByTestId('current-event').getByText('预算公开').waitFor();
    await page.getByRole('button', { name: '把当前时点设为比较起点' }).click();
    // Back to the latest event, from the keyboard.
    await page.getByLabel(/个事件$/).focus();
    await page.keyboard.press('End');
    await page.getByTestId('current-event').getByText('调整批准').waitFor();
    await page
      .getByTestId('compare')
      .getByText(/共 \d+ 个单元格不同/)
      .waitFor();
    expect(await page.getByTestId('compare').innerText()).toContain('表六');
    await page.waitForSelector('#t06 td.changed');
    expect(await page.locator('td.changed').count()).toBeGreaterThanOrEqual(4);

    // Explain a changed cell: 表六, 30201 办公费, 合计.
    const cell = '#t06 td[data-cell="t06|30201/50201|30201|total"]';
    expect(await page.getAttribute(cell, 'class')).toContain('changed');
    const office = page.locator(`${cell} button`);
    expect(await office.innerText()).toBe('1.72');
    await office.click();
    const why = page.getByTestId('provenance');
    await why.getByText('与表中数字一致').waitFor();
    const text = await why.innerText();
    expect(text).toContain('调整批准');
    expect(text).not.toContain('AdjustmentApproved');
    expect(text).not.toContain('total：');
    expect(text).toContain('李审核');
    expect(text).not.toContain('finance_reviewer:');
    expect(text).toContain('汾财预调（2024）31号');
    expect(text).toContain('-2,000.00');
    await w.shot(page, 'workbench-auditor');

    // What was in force on a date (before the 调剂's effective date): the figure the API gives.
    await page.getByLabel('生效日期').first().check();
    await page.getByLabel('生效日期（当日有效的预算）').fill('2024-08-31');
    await page.getByText('生效日期 2024-08-31 时的完整公开文件').waitFor();
    await page.waitForSelector('#t06');
    const inForce = await w.api(
      w.tokens.auditor,
      `{ disclosure(departmentCode: "019", fiscalYear: 2024, asOf: { effectiveOn: "2024-08-31" }) {
        table(id: T06) { rows { key cells { column value } } } } }`,
    );
    const row = inForce.disclosure.table.rows.find((r: { key: string }) => r.key === '30201/50201');
    const total = row.cells.find((c: { column: string }) => c.column === 'total').value;
    expect(total).not.toBe('1.72');
    await page.waitForFunction(
      ([sel, v]) => (globalThis as any).document.querySelector(sel)?.innerText === v, // eslint-disable-line @typescript-eslint/no-explicit-any
      [cell, total],
    );
    expect(w.outside).toEqual([]);
  });
});
