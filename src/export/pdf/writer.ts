/**
 * A small page-layout layer over pdfkit for the disclosure documents: A4 pages (landscape for wide
 * tables), headings that are also PDF bookmarks and contents entries, justified paragraphs, and
 * tables drawn cell by cell with the published merged header repeated on every page a table
 * spans. Page numbers and the contents page are filled in at the end (pages are buffered), so the
 * contents can print the page each entry starts on. Text is written with the embedded CJK font,
 * never as outlines, so every figure can be extracted (pdftotext, pdf.js).
 */
import PDFDocument from 'pdfkit';
import { headerCells } from '../header';
import { cjkFont } from './font';

const MARGIN = 42;
const PAD = 3;
const TABLE_SIZE = 8.5;
const BODY_SIZE = 10.5;
const HEADER_FILL = '#f2f2f2';

export interface GridRow {
  cells: string[];
  bold: boolean;
  /** Left indent of the grid's name column, in characters (款/项 levels, projects). */
  indent: number;
  /**
   * Per cell: true when it goes on in the next row (a cell merged down): the line between the
   * two is not drawn, so the cells read as one; the text stands in the first.
   */
  mergedDown?: readonly boolean[];
}

/** A table as printed: header rows as published ('' under a merge), rows of printed cells. */
export interface Grid {
  headerRows: readonly (readonly string[])[];
  kinds: readonly ('text' | 'amount')[];
  rows: GridRow[];
  note: string | null;
  /** The column rows indent (科目名称, 项目名称). */
  nameColumn: number;
  /** Fixed shares of the width per column, instead of widths from the content. */
  fractions?: readonly number[];
}

export interface ContentsEntry {
  title: string;
  level: number;
  page: number;
}

export interface PdfMeta {
  title: string;
  subject: string;
  /** The document's date (a publication's): the same document then gives the same bytes. */
  createdAt?: Date;
}

type Doc = PDFKit.PDFDocument;

export class PdfWriter {
  readonly doc: Doc;
  private readonly chunks: Buffer[] = [];
  private readonly done: Promise<Buffer>;
  readonly contents: ContentsEntry[] = [];

  constructor(meta: PdfMeta) {
    this.doc = new PDFDocument({
      size: 'A4',
      margin: MARGIN,
      bufferPages: true,
      autoFirstPage: false,
      pdfVersion: '1.7',
      lang: 'zh-CN',
      displayTitle: true,
      info: {
        Title: meta.title,
        Subject: meta.subject,
        Creator: 'budget-ledger',
        ...(meta.createdAt ? { CreationDate: meta.createdAt } : {}),
      },
    });
    this.doc.registerFont('regular', cjkFont('regular'));
    this.doc.registerFont('bold', cjkFont('bold'));
    this.doc.on('data', (c: Buffer) => this.chunks.push(c));
    this.done = new Promise((resolve, reject) => {
      this.doc.on('end', () => resolve(Buffer.concat(this.chunks)));
      this.doc.on('error', reject);
    });
  }

  /** 0-based index of the current page. */
  get page(): number {
    const range = this.doc.bufferedPageRange();
    return range.start + range.count - 1;
  }
  get left(): number {
    return this.doc.page.margins.left;
  }
  get width(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }
  private get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  newPage(landscape = false): void {
    this.doc.addPage({ size: 'A4', layout: landscape ? 'landscape' : 'portrait', margin: MARGIN });
    this.doc.font('regular').fontSize(BODY_SIZE).fillColor('#000');
  }

  /** A new page unless `height` still fits on this one. */
  ensure(height: number): void {
    if (this.doc.y + height > this.bottom) this.newPage(this.doc.page.width > this.doc.page.height);
  }

  /** Records a contents entry (and a bookmark) for what starts here. */
  mark(title: string, level: number): void {
    this.contents.push({ title, level, page: this.page });
    if (level <= 2) this.doc.outline.addItem(title);
  }

  heading(text: string, size: number, opts: { align?: 'left' | 'center'; gap?: number } = {}) {
    this.ensure(size * 3);
    this.doc.moveDown(0.3);
    this.doc
      .font('bold')
      .fontSize(size)
      .text(text, this.left, this.doc.y, { width: this.width, align: opts.align ?? 'left' });
    this.doc.moveDown(opts.gap ?? 0.3);
    this.doc.font('regular').fontSize(BODY_SIZE);
  }

  paragraph(text: string, opts: { size?: number; color?: string; align?: 'center' } = {}): void {
    const size = opts.size ?? BODY_SIZE;
    this.doc
      .font('regular')
      .fontSize(size)
      .fillColor(opts.color ?? '#000');
    this.ensure(size * 2);
    this.doc.text(text, this.left, this.doc.y, {
      width: this.width,
      align: opts.align ?? 'justify',
      indent: opts.align ? 0 : size * 2,
      lineGap: size * 0.35,
    });
    this.doc.moveDown(0.3).fillColor('#000');
  }

  /**
   * A table. Columns take the width their figures need (amounts never wrap); text columns share
   * the rest and wrap. At a page break the table goes on with `continued()` (its title line) and
   * its header rows again.
   */
  table(grid: Grid, continued: () => void = () => undefined): void {
    const doc = this.doc;
    doc.fontSize(TABLE_SIZE);
    const widths = this.columnWidths(grid);
    const head = headerCells(grid.headerRows);
    const text = (s: string, w: number, bold: boolean): number =>
      doc.font(bold ? 'bold' : 'regular').heightOfString(s || ' ', { width: w - 2 * PAD });
    const span = (col: number, n: number): number =>
      widths.slice(col, col + n).reduce((a, b) => a + b, 0);
    const heights = grid.headerRows.map(() => TABLE_SIZE + 2 * PAD + 2);
    for (const c of head.filter((c) => c.rowSpan === 1))
      heights[c.row] = Math.max(
        heights[c.row]!,
        text(c.text, span(c.col, c.colSpan), true) + 2 * PAD,
      );
    for (const c of head.filter((c) => c.rowSpan > 1)) {
      const need = text(c.text, span(c.col, c.colSpan), true) + 2 * PAD;
      const have = heights.slice(c.row, c.row + c.rowSpan).reduce((a, b) => a + b, 0);
      if (need > have) heights[c.row + c.rowSpan - 1]! += need - have;
    }
    const headHeight = heights.reduce((a, b) => a + b, 0);
    const x0 = this.left;
    const drawHead = (): void => {
      const top = doc.y;
      for (const c of head) {
        const x = x0 + span(0, c.col);
        const y = top + heights.slice(0, c.row).reduce((a, b) => a + b, 0);
        const w = span(c.col, c.colSpan);
        const h = heights.slice(c.row, c.row + c.rowSpan).reduce((a, b) => a + b, 0);
        this.cell(x, y, w, h, c.text, { bold: true, align: 'center', fill: HEADER_FILL });
      }
      doc.y = top + headHeight;
    };
    this.ensure(headHeight + 3 * TABLE_SIZE);
    drawHead();
    const body = grid.rows.map((row) => ({ row, isNote: false }));
    if (grid.note) body.push({ row: { cells: [grid.note], bold: false, indent: 0 }, isNote: true });
    for (const { row, isNote } of body) {
      const cellWidths = isNote ? [span(0, widths.length)] : widths;
      const indent = (i: number): number =>
        !isNote && i === grid.nameColumn ? row.indent * TABLE_SIZE : 0;
      const h = Math.max(
        ...row.cells.map((s, i) => text(s, cellWidths[i]! - indent(i), row.bold) + 2 * PAD),
        TABLE_SIZE + 2 * PAD + 2,
      );
      if (doc.y + h > this.bottom) {
        this.newPage(doc.page.width > doc.page.height);
        continued();
        doc.fontSize(TABLE_SIZE);
        drawHead();
      }
      const top = doc.y;
      let x = x0;
      const down = row.mergedDown ?? [];
      row.cells.forEach((s, i) => {
        const w = cellWidths[i]!;
        const amount = !isNote && grid.kinds[i] === 'amount';
        this.cell(x, top, w, h, s, {
          bold: row.bold,
          align: isNote ? 'center' : amount ? 'right' : 'left',
          indent: indent(i),
          open: !isNote && down[i] === true,
        });
        x += w;
      });
      doc.y = top + h;
    }
    doc.fontSize(BODY_SIZE).font('regular');
    doc.moveDown(0.5);
  }

  private cell(
    x: number,
    y: number,
    w: number,
    h: number,
    s: string,
    o: {
      bold: boolean;
      align: 'left' | 'right' | 'center';
      fill?: string;
      indent?: number;
      /** No bottom line: the cell goes on in the next row. */
      open?: boolean;
    },
  ): void {
    const doc = this.doc;
    if (o.fill) doc.rect(x, y, w, h).fill(o.fill).fillColor('#000');
    doc.lineWidth(0.5);
    if (o.open)
      doc
        .moveTo(x, y + h)
        .lineTo(x, y)
        .lineTo(x + w, y)
        .lineTo(x + w, y + h)
        .stroke('#000');
    else doc.rect(x, y, w, h).stroke('#000');
    if (s === '') return;
    const indent = o.indent ?? 0;
    doc.font(o.bold ? 'bold' : 'regular');
    const tw = w - 2 * PAD - indent;
    const th = doc.heightOfString(s, { width: tw });
    doc.text(s, x + PAD + indent, y + Math.max(PAD, (h - th) / 2), {
      width: tw,
      align: o.align,
      lineBreak: true,
    });
  }

  /** Widths that fill the page: amounts at their widest figure, text columns share the rest. */
  private columnWidths(grid: Grid): number[] {
    const doc = this.doc;
    if (grid.fractions) return grid.fractions.map((f) => f * this.width);
    const n = grid.kinds.length;
    const measure = (s: string, bold: boolean): number =>
      doc.font(bold ? 'bold' : 'regular').widthOfString(s) + 2 * PAD + 1;
    const natural = grid.kinds.map((_, i) =>
      Math.max(
        TABLE_SIZE * 4,
        ...grid.rows.map(
          (r) =>
            measure(r.cells[i] ?? '', r.bold) + (i === grid.nameColumn ? r.indent * TABLE_SIZE : 0),
        ),
      ),
    );
    // A header word wraps, but a short one (合计, 基本支出) should not.
    for (const c of headerCells(grid.headerRows))
      if (c.colSpan === 1)
        natural[c.col] = Math.max(natural[c.col]!, Math.min(measure(c.text, true), TABLE_SIZE * 6));
    const isText = (i: number): boolean => grid.kinds[i] === 'text';
    const fixed = natural.reduce((a, w, i) => a + (isText(i) ? 0 : w), 0);
    const textNatural = natural.reduce((a, w, i) => a + (isText(i) ? w : 0), 0);
    const total = fixed + textNatural;
    if (total <= this.width) {
      const grow = this.width / total;
      return natural.map((w) => w * grow);
    }
    const room = Math.max(this.width - fixed, TABLE_SIZE * 6 * Math.max(1, n - 1));
    const shrink = textNatural > 0 ? room / textNatural : 1;
    const widths = natural.map((w, i) => (isText(i) ? Math.max(w * shrink, TABLE_SIZE * 4) : w));
    const sum = widths.reduce((a, b) => a + b, 0);
    return sum > this.width ? widths.map((w) => (w * this.width) / sum) : widths;
  }

  /**
   * Fills the contents page (0-based `at`) with the recorded entries and their page numbers, puts
   * a page number on every page but the cover, and returns the file.
   */
  async finish(contentsAt: number | null, firstNumbered = 1): Promise<Buffer> {
    const doc = this.doc;
    const range = doc.bufferedPageRange();
    if (contentsAt !== null) {
      doc.switchToPage(contentsAt);
      doc.y = MARGIN + 60;
      doc.font('regular').fontSize(BODY_SIZE);
      for (const e of this.contents) {
        const indent = (e.level - 1) * 2 * BODY_SIZE;
        const y = doc.y;
        const num = String(e.page + 1);
        const numWidth = doc.widthOfString(num);
        const titleWidth = this.width - indent - numWidth - 24;
        doc.font(e.level === 1 ? 'bold' : 'regular');
        doc.text(e.title, this.left + indent, y, {
          width: titleWidth,
          lineBreak: false,
          ellipsis: '…',
        });
        const end = this.left + indent + Math.min(doc.widthOfString(e.title), titleWidth) + 4;
        doc.font('regular');
        const dotsRight = this.left + this.width - numWidth - 4;
        if (dotsRight > end)
          doc
            .save()
            .dash(1, { space: 2 })
            .lineWidth(0.5)
            .moveTo(end, y + BODY_SIZE * 0.9)
            .lineTo(dotsRight, y + BODY_SIZE * 0.9)
            .stroke('#888')
            .undash()
            .restore();
        doc.text(num, this.left + this.width - numWidth, y, { lineBreak: false });
        doc.y = y + BODY_SIZE * 1.9;
      }
    }
    const count = range.start + range.count;
    for (let i = firstNumbered; i < count; i++) {
      doc.switchToPage(i);
      const page = doc.page;
      const bottom = page.margins.bottom;
      page.margins.bottom = 0;
      doc
        .font('regular')
        .fontSize(9)
        .fillColor('#000')
        .text(`第 ${i + 1} 页 / 共 ${count} 页`, 0, page.height - bottom + 12, {
          width: page.width,
          align: 'center',
          lineBreak: false,
        });
      page.margins.bottom = bottom;
    }
    doc.end();
    return this.done;
  }
}
