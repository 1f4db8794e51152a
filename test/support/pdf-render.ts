import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

export interface RenderedPdf {
  /** Each page's size in points and its text as MuPDF extracts it. */
  pages: { width: number; height: number; text: string }[];
  firstPage: {
    widthPx: number;
    heightPx: number;
    /** The share of dark pixels on page 1, and in the band asked for. */
    darkShare: number;
    bandDarkShare: number | null;
  };
  /** Where page 1 was written as a PNG, for a person to look at. */
  png: string;
}

/**
 * Renders a PDF as a reader would see it (MuPDF, in a child process: it is an ES module, and an
 * AGPL test tool that the product never loads). `band` is a rectangle on page 1 in points from the
 * top left, e.g. where a title should be, whose share of dark pixels is reported.
 */
export async function renderPdf(
  pdf: Uint8Array,
  options: { band?: [number, number, number, number]; png?: string } = {},
): Promise<RenderedPdf> {
  const dir = await mkdtemp(join(tmpdir(), 'concord-pdf-'));
  const file = join(dir, 'document.pdf');
  const png = options.png ?? join(dir, 'page-1.png');
  await writeFile(file, pdf);
  const args = [join(__dirname, 'render-pdf.mjs'), file, png, ...(options.band ? [options.band.join(',')] : [])];
  const { stdout } = await promisify(execFile)(process.execPath, args, { maxBuffer: 64 * 1024 * 1024 });
  return { ...(JSON.parse(stdout) as Omit<RenderedPdf, 'png'>), png };
}
