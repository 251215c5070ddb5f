import ExcelJS from 'exceljs';
import { withZipDates } from '../../../src/export/zip-dates';

/** Every entry's MS-DOS date and time words, from the central directory and the local headers. */
function entryStamps(zip: Buffer): number[][] {
  let end = zip.length - 22;
  while (zip.readUInt32LE(end) !== 0x06054b50) end--;
  const stamps: number[][] = [];
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < zip.readUInt16LE(end + 10); i++) {
    const local = zip.readUInt32LE(at + 42);
    stamps.push([
      zip.readUInt16LE(at + 12),
      zip.readUInt16LE(at + 14),
      zip.readUInt16LE(local + 10),
      zip.readUInt16LE(local + 12),
    ]);
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return stamps;
}

async function someWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('表1').getCell('A1').value = '2024年预算收支总表';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('withZipDates', () => {
  it('given an archive, when dated 2024-01-01, then every entry says 2024-01-01 00:00:00', async () => {
    const dated = withZipDates(await someWorkbook(), new Date(Date.UTC(2024, 0, 1)));
    const dos = ((2024 - 1980) << 9) | (1 << 5) | 1;
    const stamps = entryStamps(dated);
    expect(stamps.length).toBeGreaterThan(3);
    for (const s of stamps) expect(s).toEqual([0, dos, 0, dos]);
  });

  it('given an archive, when dated, then it still opens with the same content', async () => {
    const dated = withZipDates(await someWorkbook(), new Date(Date.UTC(2030, 5, 15, 13, 45, 31)));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(dated as unknown as ArrayBuffer);
    expect(wb.getWorksheet('表1')!.getCell('A1').value).toBe('2024年预算收支总表');
    const [time, date] = entryStamps(dated)[0];
    expect(time).toBe((13 << 11) | (45 << 5) | 15);
    expect(date).toBe(((2030 - 1980) << 9) | (6 << 5) | 15);
  });

  it('given bytes that are not an archive, when dated, then it refuses', () => {
    expect(() => withZipDates(Buffer.alloc(40), new Date())).toThrow(/not a ZIP archive/);
  });
});
