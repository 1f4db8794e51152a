import { CSV_COLUMNS, csvHeader, csvRecordOf } from './csv-activity';

describe('CSV activity columns', () => {
  it('are FORMAT.md fields in its order, with the budget as amount and currency', () => {
    expect(CSV_COLUMNS.join(',')).toBe(
      'id,title,description,language,organisation,partners,country,areas,policyAreas,guarantees,stages,' +
        'functions,targetGroups,counterparts,start,end,status,amount,currency,fundingSources,jointProgramme,' +
        'sdgTargets,source',
    );
  });

  it('accepts any order and subset that has the required columns, and names unknown ones', () => {
    expect(csvHeader([' title', 'id', 'organisation', 'country', 'start', 'end', 'sector'])).toEqual({
      columns: ['title', 'id', 'organisation', 'country', 'start', 'end', 'sector'],
      unknown: ['sector'],
    });
  });

  it('refuses a header without a required column or with a column twice', () => {
    expect(() => csvHeader(['id', 'title', 'country', 'start'])).toThrow(
      /the CSV header lacks the columns organisation, end \(columns: id,title,/,
    );
    expect(() => csvHeader(['id', 'title', 'organisation', 'country', 'start', 'end', 'id'])).toThrow(
      'the CSV header repeats the column id',
    );
  });

  it('reads ;-separated lists, ORG:ROLE partners and amount + currency as the budget; empty cells are absent', () => {
    const columns = ['id', 'partners', 'areas', 'sdgTargets', 'amount', 'currency', 'description', 'sector'];
    const fields = [
      'A-1',
      'UNICEF:IMPLEMENTING; WFP : FUNDING',
      'Giza;;Alexandria ',
      '1.3',
      '250000.5',
      'USD',
      '',
      'x',
    ];
    expect(csvRecordOf(columns, fields)).toEqual({
      id: 'A-1',
      partners: [
        { organisation: 'UNICEF', role: 'IMPLEMENTING' },
        { organisation: 'WFP', role: 'FUNDING' },
      ],
      areas: ['Giza', 'Alexandria'],
      sdgTargets: ['1.3'],
      budget: { currency: 'USD', amount: 250000.5 },
    });
  });

  it('keeps what the line check must refuse: a partner without role, an amount that is no number, a lone currency', () => {
    expect(csvRecordOf(['partners', 'amount', 'currency'], ['ILO', 'lots', 'USD'])).toEqual({
      partners: [{ organisation: 'ILO', role: '' }],
      budget: { currency: 'USD', amount: 'lots' },
    });
    expect(csvRecordOf(['amount', 'currency'], ['', 'EUR'])).toEqual({
      budget: { currency: 'EUR', amount: undefined },
    });
  });
});
