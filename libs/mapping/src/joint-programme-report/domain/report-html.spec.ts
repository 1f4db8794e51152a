import { someReportInputs } from '../testing/report-inputs';
import { assembleReport } from './joint-programme-report';
import { reportHtml } from './report-html';

describe('Joint programme report as HTML', () => {
  it('is one page with the title, the facts and a section per table', () => {
    const html = reportHtml(assembleReport(someReportInputs()));
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">')).toBe(true);
    expect(html).toContain('<h1>Social protection in Cambodia: progress report 2021</h1>');
    expect(html).toContain('<dt>Reporting period</dt><dd>2021 (2021-01-01 to 2021-12-31)</dd>');
    expect([...html.matchAll(/<section id="(\w+)">/g)].map((m) => m[1])).toEqual([
      'budget',
      'funding',
      'indicators',
      'narrative',
      'sdg',
      'markers',
    ]);
    expect(html).toContain(
      '<tr><td>International Labour Organization</td><td>ILO</td><td>LEAD</td><td class="n">50.0 %</td><td>USD</td>' +
        '<td class="n">600,000.00</td><td class="n">500,000.00</td><td class="n">450,000.00</td><td class="n">90.0 %</td></tr>',
    );
    expect(html).toContain('<tr class="total"><td>Total</td>');
    expect(html).toContain('<h3>United Nations Children&#39;s Fund (UNICEF)</h3><p>Family package designed.</p>');
  });

  it('escapes every text from the data, so no markup or script gets through', () => {
    const inputs = someReportInputs();
    inputs.programme.title = '<script>alert("x")</script>';
    inputs.report.narrative = [{ organisation: 'ILO', text: 'A & B <img src=x onerror=alert(1)>\nline two' }];
    const html = reportHtml(assembleReport(inputs));
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('<h1>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;: progress report 2021</h1>');
    expect(html).toContain('<p>A &amp; B &lt;img src=x onerror=alert(1)&gt;<br>line two</p>');
  });

  it('says a table is empty rather than drawing an empty grid', () => {
    const html = reportHtml(
      assembleReport(someReportInputs({ results: [], report: { ...someReportInputs().report, actuals: [] } })),
    );
    expect(html).toContain(
      '<section id="indicators"><h2>Results indicators</h2><p class="note">Baseline and target: the Cooperation Framework results the programme is linked to. Actual: the 2021 progress report, by indicator code.</p>\n<p>No linked result defines an indicator, and no actual was reported.</p></section>',
    );
  });
});
