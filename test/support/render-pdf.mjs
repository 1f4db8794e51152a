// Renders a PDF with MuPDF (the official WASM build, ESM-only and AGPL: a test tool, never shipped)
// for tests that check what a user would see. Run by pdf-render.ts as a child process, since jest
// loads test files as CommonJS and cannot import an ES module.
//   node render-pdf.mjs <file.pdf> <page-1.png> [x0,y0,x1,y1]   (the band, in points from the top left)
// Prints JSON: pages, each page's size in points and text, and for page 1 the share of dark pixels
// in the band and on the whole page.
import { readFileSync, writeFileSync } from 'node:fs';
import * as mupdf from 'mupdf';

const [pdfPath, pngPath, band] = process.argv.slice(2);
const document = mupdf.Document.openDocument(readFileSync(pdfPath), 'application/pdf');
const pages = [];
for (let i = 0; i < document.countPages(); i++) {
  const page = document.loadPage(i);
  const [x0, y0, x1, y1] = page.getBounds();
  pages.push({ width: x1 - x0, height: y1 - y0, text: page.toStructuredText().asText() });
}

const SCALE = 1.5; // 108 dpi: enough to tell text from blank paper
const pixmap = document.loadPage(0).toPixmap(mupdf.Matrix.scale(SCALE, SCALE), mupdf.ColorSpace.DeviceGray, false);
writeFileSync(pngPath, pixmap.asPNG());
const width = pixmap.getWidth();
const height = pixmap.getHeight();
const stride = pixmap.getStride();
const pixels = pixmap.getPixels();
/** The share of pixels darker than mid-grey in a rectangle given in points. */
function darkShare([bx0, by0, bx1, by1]) {
  const [c0, r0] = [Math.max(0, Math.floor(bx0 * SCALE)), Math.max(0, Math.floor(by0 * SCALE))];
  const [c1, r1] = [Math.min(width, Math.ceil(bx1 * SCALE)), Math.min(height, Math.ceil(by1 * SCALE))];
  let dark = 0;
  for (let r = r0; r < r1; r++) for (let c = c0; c < c1; c++) if (pixels[r * stride + c] < 128) dark++;
  return dark / Math.max(1, (r1 - r0) * (c1 - c0));
}
const whole = [0, 0, width / SCALE, height / SCALE];
console.log(
  JSON.stringify({
    pages,
    firstPage: {
      widthPx: width,
      heightPx: height,
      darkShare: darkShare(whole),
      bandDarkShare: band ? darkShare(band.split(',').map(Number)) : null,
    },
  }),
);
