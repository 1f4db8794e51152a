import { renderPdf } from '@concord/test-support';
import { assembleReport } from '../domain/joint-programme-report';
import { someReportInputs } from '../testing/report-inputs';
import { pdfText, reportPdf } from './report-pdf';

const bytesOf = async (doc: NodeJS.ReadableStream) => {
  const chunks: Buffer[] = [];
  for await (const chunk of doc) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

/** Where the title is drawn on page 1, in points from the top left. */
const TITLE_BAND: [number, number, number, number] = [50, 50, 545, 95];

describe('Joint programme report as PDF (rendered with MuPDF)', () => {
  it('renders an A4 page with the title in ink, the facts, the tables and a page number', async () => {
    const pdf = await bytesOf(reportPdf(assembleReport(someReportInputs())));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const rendered = await renderPdf(pdf, { band: TITLE_BAND, png: '/tmp/jp-report-unit.png' });
    expect(rendered.pages).toHaveLength(2);
    const [page, last] = rendered.pages;
    expect([Math.round(page.width), Math.round(page.height)]).toEqual([595, 842]);
    // The title band is printed on, not blank; the page is mostly paper.
    expect(rendered.firstPage.bandDarkShare).toBeGreaterThan(0.05);
    expect(rendered.firstPage.darkShare).toBeGreaterThan(0.01);
    expect(rendered.firstPage.darkShare).toBeLessThan(0.3);
    expect(page.text).toContain('Social protection in Cambodia');
    expect(page.text).toContain('Progress report 2021');
    expect(page.text).toContain('International Labour Organization');
    expect(page.text).toContain('600,000.00');
    expect(page.text).toContain('Pension schemes rolled out.');
    expect(page.text).toContain('Page 1 of 2');
    expect(last.text).toContain('contributes to gender equality in a limited way');
    expect(last.text).toContain('Page 2 of 2');
  });

  it('continues a long table on the next pages, repeating its header, and numbers every page', async () => {
    const inputs = someReportInputs();
    inputs.results[0].indicators = Array.from({ length: 120 }, (_, i) => ({
      code: `IND-${i + 1}`,
      name: `Indicator number ${i + 1}, with a name long enough to wrap onto a second line in its column`,
      unit: 'people',
      baseline: '0',
      target: '1000',
    }));
    const rendered = await renderPdf(await bytesOf(reportPdf(assembleReport(inputs))));
    const pages = rendered.pages;
    expect(pages.length).toBeGreaterThanOrEqual(3);
    pages.forEach((page, i) => expect(page.text).toContain(`Page ${i + 1} of ${pages.length}`));
    const withIndicators = pages.filter((p) => p.text.includes('IND-'));
    expect(withIndicators.length).toBeGreaterThanOrEqual(2);
    // Every page the table runs onto opens with its header again.
    withIndicators.forEach((page) => expect(page.text).toMatch(/Result\s+Indicator\s+Name\s+Unit/));
    const all = pages.map((p) => p.text).join('\n');
    expect(all).toContain('IND-120');
  });

  it('draws only what the standard fonts have: accents kept or dropped, symbols spelled, the rest as "?"', () => {
    expect(pdfText('Côte d’Ivoire – “ok” €5')).toBe('Côte d’Ivoire – “ok” €5');
    expect(pdfText('Łódź ≥ 5, Győr')).toBe('?ódz >= 5, Gyor');
    expect(pdfText('កម្ពុជា')).toBe('???????');
  });
});
