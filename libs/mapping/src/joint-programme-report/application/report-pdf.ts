import PDFDocument from 'pdfkit';
import type { JointProgrammeReport } from '../domain/joint-programme-report';
import { reportFacts, reportTables, shown, type ReportTable } from '../domain/report-tables';

/**
 * The report as an A4 PDF (pdfkit, standard fonts; ADR 0012): a title block, one section per
 * table, grids that wrap their cells and continue on the next page under a repeated header, and
 * "Page n of N" in each footer.
 */

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 50;
const WIDTH = A4.width - 2 * MARGIN;
/** Room kept at the bottom for the page number. */
const FOOTER = 30;
const BOTTOM = A4.height - MARGIN - FOOTER;
const PAD = 3;
const FONT = { regular: 'Helvetica', bold: 'Helvetica-Bold', italic: 'Helvetica-Oblique' };
const SIZE = { title: 18, heading: 12.5, body: 9, note: 8, cell: 7.5 };
const INK = { text: '#1a1a1a', muted: '#555555', rule: '#b8c2cc', header: '#e6ecf2', accent: '#1f4e79' };

/** Characters the standard fonts (WinAnsi) have beyond Latin-1, as pdfkit maps them. */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const SUBSTITUTES: Record<string, string> = { '≥': '>=', '≤': '<=', '−': '-', '→': '->', '≈': '~', '\u00a0': ' ' };

/**
 * Text the standard fonts can draw: Latin-1 and WinAnsi's extras as they are, accents outside it
 * dropped from their letters (ő → o), a few symbols spelled out, anything else as "?". Drawing a
 * character the font lacks would print garbage.
 */
export function pdfText(text: string): string {
  return [...text]
    .map((c) => {
      const code = c.codePointAt(0)!;
      if ((code >= 0x20 && code <= 0x7e) || (code >= 0xa1 && code <= 0xff) || c === '\n' || WIN_ANSI_EXTRA.has(c)) {
        return c;
      }
      if (SUBSTITUTES[c]) return SUBSTITUTES[c];
      const base = c.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
      return /^[\x20-\x7e]+$/.test(base) ? base : '?';
    })
    .join('');
}

type Doc = PDFKit.PDFDocument;

/** Moves to a new page unless `height` more points fit on this one. */
function ensureRoom(doc: Doc, height: number): void {
  if (doc.y + height > BOTTOM) {
    doc.addPage();
    doc.y = MARGIN;
  }
}

function titleBlock(doc: Doc, report: JointProgrammeReport): void {
  doc.font(FONT.bold).fontSize(SIZE.title).fillColor(INK.accent);
  doc.text(pdfText(report.programme.title), MARGIN, MARGIN, { width: WIDTH });
  doc.moveDown(0.2).font(FONT.regular).fontSize(SIZE.heading).fillColor(INK.text);
  doc.text(pdfText(`Progress report ${report.period.code}  ·  ${report.programme.code}`), { width: WIDTH });
  doc.moveDown(0.6);
  const labelWidth = 130;
  for (const [label, value] of reportFacts(report)) {
    const y = doc.y;
    doc.font(FONT.bold).fontSize(SIZE.body).text(label, MARGIN, y, { width: labelWidth });
    doc.font(FONT.regular).text(pdfText(value), MARGIN + labelWidth, y, { width: WIDTH - labelWidth });
    doc.y = Math.max(doc.y, y) + 2;
  }
  doc.moveDown(0.4);
  doc
    .moveTo(MARGIN, doc.y)
    .lineTo(MARGIN + WIDTH, doc.y)
    .lineWidth(1.5)
    .strokeColor(INK.accent)
    .stroke();
  doc.moveDown(0.8);
}

/**
 * Column widths: figures as wide as their widest value (they do not wrap) and half their header
 * (which wraps onto two lines at most); text columns share what is left in proportion to their
 * natural width, never narrower than their longest word.
 */
function columnWidths(doc: Doc, table: ReportTable, cells: string[][]): number[] {
  doc.fontSize(SIZE.cell);
  const widthOf = (text: string, bold = false) => doc.font(bold ? FONT.bold : FONT.regular).widthOfString(text);
  const longestWord = (text: string, bold = false) => Math.max(0, ...text.split(/\s+/).map((w) => widthOf(w, bold)));
  const natural = table.columns.map((c, i) =>
    Math.max(widthOf(c.header, true), ...cells.map((row) => widthOf(row[i]))),
  );
  const minimum = table.columns.map((c, i) =>
    c.kind === 'text'
      ? Math.max(longestWord(c.header, true), ...cells.map((row) => longestWord(row[i])))
      : Math.max(
          widthOf(c.header, true) / 2,
          longestWord(c.header, true),
          ...cells.map((row) => widthOf(row[i], true)),
        ),
  );
  const padded = (w: number) => w + 2 * PAD + 1;
  const fixed = table.columns.reduce((sum, c, i) => sum + (c.kind === 'text' ? 0 : padded(minimum[i])), 0);
  const free = WIDTH - fixed;
  const isText = table.columns.map((c) => c.kind === 'text');
  const sumText = (widths: number[]) => widths.reduce((sum, w, i) => sum + (isText[i] ? padded(w) : 0), 0);
  const [least, most] = [sumText(minimum), sumText(natural)];
  const widths = table.columns.map((_, i) => {
    if (!isText[i]) return padded(minimum[i]);
    if (most <= free) return (padded(natural[i]) / most) * free;
    // Each text column gets its longest word, then a share of the rest in proportion to how much more it wants.
    if (least <= free) return padded(minimum[i]) + ((natural[i] - minimum[i]) / (most - least)) * (free - least);
    return padded(minimum[i]);
  });
  // Words too long for the page: scale everything down rather than run off the edge.
  const total = widths.reduce((a, b) => a + b, 0);
  return total > WIDTH ? widths.map((w) => (w * WIDTH) / total) : widths;
}

function rowHeight(doc: Doc, texts: string[], widths: number[], bold: boolean): number {
  doc.font(bold ? FONT.bold : FONT.regular).fontSize(SIZE.cell);
  return Math.max(...texts.map((t, i) => doc.heightOfString(t, { width: widths[i] - 2 * PAD }))) + 2 * PAD;
}

function drawRow(
  doc: Doc,
  table: ReportTable,
  texts: string[],
  widths: number[],
  style: 'header' | 'body' | 'total',
): void {
  const height = rowHeight(doc, texts, widths, style !== 'body');
  ensureRoom(doc, height);
  const y = doc.y;
  if (style === 'header') doc.rect(MARGIN, y, WIDTH, height).fill(INK.header);
  doc
    .font(style === 'body' ? FONT.regular : FONT.bold)
    .fontSize(SIZE.cell)
    .fillColor(INK.text);
  let x = MARGIN;
  texts.forEach((text, i) => {
    const align = table.columns[i].kind === 'text' ? 'left' : 'right';
    doc.text(text, x + PAD, y + PAD, { width: widths[i] - 2 * PAD, align });
    x += widths[i];
  });
  doc
    .moveTo(MARGIN, y + height)
    .lineTo(MARGIN + WIDTH, y + height)
    .lineWidth(0.5)
    .strokeColor(INK.rule)
    .stroke();
  doc.x = MARGIN;
  doc.y = y + height;
}

function grid(doc: Doc, table: ReportTable): void {
  const cells = [...table.rows, ...table.totals].map((row) =>
    row.map((v, i) => pdfText(shown(v, table.columns[i].kind))),
  );
  const widths = columnWidths(doc, table, cells);
  const header = table.columns.map((c) => pdfText(c.header));
  drawRow(doc, table, header, widths, 'header');
  cells.forEach((row, r) => {
    const total = r >= table.rows.length;
    // A row that would start a new page takes the header with it.
    if (doc.y + rowHeight(doc, row, widths, total) > BOTTOM) {
      doc.addPage();
      doc.y = MARGIN;
      drawRow(doc, table, header, widths, 'header');
    }
    drawRow(doc, table, row, widths, total ? 'total' : 'body');
  });
}

function paragraphs(doc: Doc, table: ReportTable): void {
  for (const [name, code, text] of table.rows) {
    ensureRoom(doc, 40);
    doc
      .font(FONT.bold)
      .fontSize(SIZE.body + 1)
      .fillColor(INK.text);
    doc.text(pdfText(`${name} (${code})`), MARGIN, doc.y, { width: WIDTH });
    doc.moveDown(0.2).font(FONT.regular).fontSize(SIZE.body);
    for (const paragraph of (text ?? '').split(/\r?\n\s*\r?\n/)) {
      doc.text(pdfText(paragraph.trim()), { width: WIDTH });
      doc.moveDown(0.5);
    }
    doc.moveDown(0.3);
  }
}

function section(doc: Doc, table: ReportTable): void {
  ensureRoom(doc, 70); // a heading never sits alone at the foot of a page
  doc.font(FONT.bold).fontSize(SIZE.heading).fillColor(INK.accent);
  doc.text(pdfText(table.title), MARGIN, doc.y, { width: WIDTH });
  doc.moveDown(0.2).font(FONT.italic).fontSize(SIZE.note).fillColor(INK.muted);
  doc.text(pdfText(table.note), { width: WIDTH });
  doc.moveDown(0.4).fillColor(INK.text);
  if (!table.rows.length) {
    doc.font(FONT.regular).fontSize(SIZE.body).text(pdfText(table.empty), { width: WIDTH });
  } else if (table.layout === 'paragraphs') {
    paragraphs(doc, table);
  } else {
    grid(doc, table);
  }
  doc.moveDown(1.2);
}

function pageNumbers(doc: Doc, report: JointProgrammeReport): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    // Writing below the bottom margin would otherwise open a new page.
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font(FONT.regular).fontSize(SIZE.note).fillColor(INK.muted);
    const y = A4.height - MARGIN;
    doc.text(pdfText(`${report.programme.code} progress report ${report.period.code}`), MARGIN, y, {
      width: WIDTH / 2,
      lineBreak: false,
    });
    doc.text(`Page ${i - start + 1} of ${count}`, MARGIN + WIDTH / 2, y, {
      width: WIDTH / 2,
      align: 'right',
      lineBreak: false,
    });
    doc.page.margins.bottom = margin;
  }
}

/** The report laid out and ended: a readable stream of the PDF's bytes, to pipe where it goes. */
export function reportPdf(report: JointProgrammeReport): Doc {
  const title = `${report.programme.title}: progress report ${report.period.code}`;
  const doc = new PDFDocument({
    size: 'A4',
    // Text that flows on by itself (a long narrative) breaks the page above the footer too.
    margins: { top: MARGIN, bottom: MARGIN + FOOTER, left: MARGIN, right: MARGIN },
    bufferPages: true, // for "Page n of N", written once every page exists
    info: { Title: pdfText(title), Author: 'Concord', Subject: `Joint programme ${report.programme.code}` },
  });
  titleBlock(doc, report);
  reportTables(report).forEach((table) => section(doc, table));
  pageNumbers(doc, report);
  doc.end();
  return doc;
}
