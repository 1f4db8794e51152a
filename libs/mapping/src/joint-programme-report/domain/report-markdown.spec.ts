import { someReportInputs } from '../testing/report-inputs';
import { assembleReport } from './joint-programme-report';
import { reportMarkdown } from './report-markdown';

describe('Joint programme report as Markdown', () => {
  const markdown = reportMarkdown(assembleReport(someReportInputs()));
  const lines = markdown.split('\n');

  it('opens with the title and the facts of the programme and period', () => {
    expect(lines[0]).toBe('# Social protection in Cambodia: progress report 2021');
    expect(lines).toContain('- **Reporting period:** 2021 (2021-01-01 to 2021-12-31)');
    expect(lines).toContain('- **Lead agency:** International Labour Organization (ILO)');
    expect(lines).toContain('- **Countries:** Cambodia');
  });

  it('writes the budget as a table with figures grouped, numbers right-aligned and totals in bold', () => {
    const at = lines.indexOf('## Budget and expenditure by agency');
    expect(lines.slice(at + 4, at + 6)).toEqual([
      '| Agency | Code | Role | Budget share | Currency | Required 2021 | Funded 2021 | Expenditure 2021 | Delivery |',
      '| --- | --- | --- | ---: | --- | ---: | ---: | ---: | ---: |',
    ]);
    expect(lines).toContain(
      '| International Labour Organization | ILO | LEAD | 50.0 % | USD | 600,000.00 | 500,000.00 | 450,000.00 | 90.0 % |',
    );
    expect(lines).toContain('| World Health Organization | WHO | PARTICIPATING | 20.0 % | — | — | — | — | — |');
    expect(lines).toContain(
      '| **Total** |  |  |  | **USD** | **1,000,000.00** | **900,000.00** | **750,500.00** | **83.4 %** |',
    );
  });

  it('writes narratives as paragraphs under the agency, and says so when a table is empty', () => {
    expect(markdown).toContain('### International Labour Organization (ILO)\n\nPension schemes rolled out.');
    const none = reportMarkdown(
      assembleReport(
        someReportInputs({ activityMarkers: [], programme: { ...someReportInputs().programme, genderMarker: null } }),
      ),
    );
    expect(none).toContain('## Markers\n\n_UN INFO');
    expect(none).toContain('\n\nNo marker set.\n');
  });

  it('escapes what would break a table cell or format text, and what would start a heading in a narrative', () => {
    const inputs = someReportInputs();
    inputs.programme.title = 'Cash | *care* <b>';
    inputs.report.narrative = [{ organisation: 'ILO', text: '# Not a heading\n- nor a list\n\n1. nor this' }];
    const escaped = reportMarkdown(assembleReport(inputs));
    expect(escaped.split('\n')[0]).toBe('# Cash \\| \\*care\\* \\<b\\>: progress report 2021');
    expect(escaped).toContain('\\# Not a heading\n\\- nor a list\n\n1\\. nor this');
  });
});
