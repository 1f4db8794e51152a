import { ConcordError } from '@concord/kernel';
import { someReportInputs } from '../testing/report-inputs';
import { assembleReport } from './joint-programme-report';
import { reportCsv } from './report-csv';
import { reportTableName } from './report-tables';

describe('Joint programme report tables as CSV', () => {
  const report = assembleReport(someReportInputs());

  it('writes a table with a byte order mark, its header row and raw values, without totals', () => {
    expect(reportCsv(report, 'budget').split('\r\n')).toEqual([
      '\uFEFFAgency,Code,Role,Budget share,Currency,Required 2021,Funded 2021,Expenditure 2021,Delivery',
      'International Labour Organization,ILO,LEAD,50,USD,600000,500000,450000,90',
      "United Nations Children's Fund,UNICEF,PARTICIPATING,30,USD,400000,400000,300500,75.1",
      'World Health Organization,WHO,PARTICIPATING,20,,,,,',
      '',
    ]);
  });

  it('writes each of the other tables with its own columns', () => {
    expect(reportCsv(report, 'funding').split('\r\n').slice(0, 3)).toEqual([
      '\uFEFFSource,Code,Named in the programme,Currency,Committed by 2021-12-31,Received by 2021-12-31',
      'Joint SDG Fund,JOINT_SDG_FUND,yes,USD,2000000.00,2000000.00',
      'EU,,yes,,,',
    ]);
    expect(reportCsv(report, 'indicators').split('\r\n')[1]).toBe(
      'KHM-UNSDCF 1.1: People are covered by social protection,KHM-1,Households reached by cash transfers,households,0,560000,560000,100',
    );
    expect(reportCsv(report, 'narrative').split('\r\n')[1]).toBe(
      'International Labour Organization,ILO,Pension schemes rolled out.',
    );
    expect(reportCsv(report, 'sdg').split('\r\n')[2]).toMatch(/^3\.8,"Achieve universal health coverage/);
    expect(reportCsv(report, 'markers').split('\r\n')[1]).toBe(
      'GENDER_EQUALITY,1,contributes to gender equality in a limited way,programme',
    );
  });

  it('quotes commas, quotes and line breaks, and guards a text a spreadsheet would run as a formula', () => {
    const inputs = someReportInputs();
    inputs.report.narrative = [{ organisation: 'ILO', text: '=HYPERLINK("http://x", "click")\nthen "more", later' }];
    expect(reportCsv(assembleReport(inputs), 'narrative').split('\r\n')[1]).toBe(
      `International Labour Organization,ILO,"'=HYPERLINK(""http://x"", ""click"")\nthen ""more"", later"`,
    );
  });

  it('refuses a table it does not have, naming the field and the value', () => {
    expect(() => reportTableName('people')).toThrow(
      new ConcordError(
        'BAD_USER_INPUT',
        'UNKNOWN_TABLE',
        'table "people" must be one of budget, funding, indicators, narrative, sdg, markers',
      ),
    );
    expect(() => reportTableName(undefined)).toThrow(/^table is required/);
    expect(reportTableName('sdg')).toBe('sdg');
  });
});
