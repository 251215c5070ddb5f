import { renderPdf } from '../../../src/export/pdf/document';
import { fenyangDisclosure, fenyangFacts } from '../disclosure/fenyang-fixture';

/** A publication's PDF is the same bytes whenever it is rendered (its ETag does not move). */
test('the same disclosure and date give the same bytes; the date is in the file', async () => {
  const d = fenyangDisclosure();
  const units = fenyangFacts().units;
  const opts = {
    asOfNote: '数据来源：测试。',
    ledger: { position: '42', digest: 'ab'.repeat(32) },
    createdAt: new Date('2024-05-08T00:00:00+08:00'),
  };
  const [a, b] = [await renderPdf(d, units, opts), await renderPdf(d, units, opts)];
  expect(a.subarray(0, 5).toString()).toBe('%PDF-');
  expect(a.equals(b)).toBe(true);
  // The info dictionary refers to the date as its own object.
  expect(a.toString('latin1')).toContain('(D:20240507160000Z)');
  const later = await renderPdf(d, units, { ...opts, createdAt: new Date('2024-06-01') });
  expect(later.equals(a)).toBe(false);
}, 60_000);
