/**
 * A ZIP archive's entry dates set to one given date. exceljs (through JSZip) stamps every entry of
 * an .xlsx with the clock, so the same workbook written twice gives different bytes; with the
 * dates set from the document, the same disclosure gives the same file whenever it is rendered.
 * Pure: the bytes in, new bytes out (the MS-DOS date and time of each local header and central
 * directory record, per the ZIP application note, section 4.3).
 */

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL = 0x06054b50;
/** The end record is 22 bytes, plus a comment of at most 65535. */
const END_SEARCH = 22 + 0xffff;

/** MS-DOS date and time words of a UTC instant (2-second resolution, years 1980–2107). */
function dosDateTime(d: Date): { date: number; time: number } {
  return {
    date: ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | (d.getUTCSeconds() >> 1),
  };
}

function endOfCentralDirectory(zip: Buffer): number {
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - END_SEARCH); at--)
    if (zip.readUInt32LE(at) === END_OF_CENTRAL) return at;
  throw new Error('not a ZIP archive: no end of central directory record');
}

export function withZipDates(zip: Buffer, when: Date): Buffer {
  const out = Buffer.from(zip);
  const { date, time } = dosDateTime(when);
  const end = endOfCentralDirectory(out);
  const entries = out.readUInt16LE(end + 10);
  let at = out.readUInt32LE(end + 16);
  for (let i = 0; i < entries; i++) {
    if (out.readUInt32LE(at) !== CENTRAL_HEADER)
      throw new Error(`not a ZIP archive: no central directory record at ${at}`);
    out.writeUInt16LE(time, at + 12);
    out.writeUInt16LE(date, at + 14);
    const local = out.readUInt32LE(at + 42);
    if (out.readUInt32LE(local) !== LOCAL_HEADER)
      throw new Error(`not a ZIP archive: no local header at ${local}`);
    out.writeUInt16LE(time, local + 10);
    out.writeUInt16LE(date, local + 12);
    at += 46 + out.readUInt16LE(at + 28) + out.readUInt16LE(at + 30) + out.readUInt16LE(at + 32);
  }
  return out;
}
