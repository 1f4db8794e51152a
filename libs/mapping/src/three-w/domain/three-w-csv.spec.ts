import { THREE_W_COLUMNS, type ThreeWActivity } from './three-w-columns';
import { threeWCsvHead, threeWCsvLine } from './three-w-csv';

const activity: ThreeWActivity = {
  id: 'A-1',
  title: 'Cash transfers, "plus" services',
  organisation: 'WFP',
  organisationName: 'World Food Programme',
  partners: [
    { organisation: 'UNICEF', role: 'IMPLEMENTING' },
    { organisation: 'ILO', role: 'IMPLEMENTING' },
    { organisation: 'EU', role: 'FUNDING' },
  ],
  country: 'MWI',
  areas: ['Lilongwe', 'Zomba'],
  policyAreas: ['DELIVERY_SYSTEMS'],
  functions: ['CASH_TRANSFER'],
  guarantees: ['CHILDREN'],
  targetGroups: ['CHILDREN', 'POOR_VULNERABLE'],
  status: 'IMPLEMENTATION',
  start: '2021-01-01',
  end: '2022-12-31',
  jointProgramme: null,
  budgetCurrency: 'USD',
  budgetRequired: '1000.00',
  budgetAvailable: '600.00',
  budgetSpent: null,
};

describe('3W table as CSV', () => {
  it('starts with a header row and an HXL hashtag row of as many columns', () => {
    const [headers, tags] = threeWCsvHead().split('\r\n');
    expect(headers.split(',')).toHaveLength(THREE_W_COLUMNS.length);
    expect(tags.split(',')).toHaveLength(THREE_W_COLUMNS.length);
    expect(tags.split(',').every((t) => /^#[a-z0-9_]+(\+[a-z0-9_]+)*$/.test(t))).toBe(true);
    expect(tags).toContain('#org+impl+code');
    expect(tags).toContain('#adm1+name');
    expect(tags).toContain('#date+start');
  });

  it('writes one line per activity: lists joined, partners by role, quotes where needed', () => {
    expect(threeWCsvLine(activity)).toBe(
      'A-1,"Cash transfers, ""plus"" services",World Food Programme,WFP,UNICEF; ILO,EU,DELIVERY_SYSTEMS,' +
        'CASH_TRANSFER,CHILDREN,MWI,Lilongwe; Zomba,CHILDREN; POOR_VULNERABLE,IMPLEMENTATION,2021-01-01,2022-12-31,' +
        ',USD,1000.00,600.00,\r\n',
    );
  });

  it('keeps a spreadsheet from running a cell as a formula (csvLine, libs/kernel)', () => {
    expect(threeWCsvLine({ ...activity, title: '=HYPERLINK("x")' })).toMatch(/^A-1,"'=HYPERLINK\(""x""\)",/);
  });
});
