import { countriesIn, countryCode } from './country-names';

describe('country names → ISO3', () => {
  it.each([
    ['Viet Nam', 'VNM'],
    ['Vietnam', 'VNM'],
    ["Côte d'Ivoire", 'CIV'],
    ["Cote d'Ivoire", 'CIV'],
    ['Côte d’Ivoire', 'CIV'],
    ['Bolivia', 'BOL'],
    ['Lao PDR', 'LAO'],
    ['Tanzania', 'TZA'],
    ['Occupied Palestinian Territory', 'PSE'],
    ['Palestine', 'PSE'],
    ['Kyrgyzstan', 'KGZ'],
    ['Kyrgyz Republic', 'KGZ'],
    ['Philippines', 'PHL'],
    ['Iran', 'IRN'],
    ['St Lucia', 'LCA'],
    ['Timor-Leste', 'TLS'],
    ['Cabo Verde', 'CPV'],
    ['Cap-Vert', 'CPV'],
    ['Santa Lucía', 'LCA'],
  ])('%s is %s', (name, code) => expect(countryCode(name)).toBe(code));

  it('leaves names two countries share, and regions, unmapped', () => {
    expect(countryCode('Congo')).toBeUndefined();
    expect(countryCode('Korea')).toBeUndefined();
    expect(countryCode('Eastern Caribbean')).toBeUndefined();
  });
});

describe('countriesIn (scope cells of the document tables)', () => {
  it('reads lists written with semicolons, commas and a label', () => {
    expect(countriesIn('Mali; Mauritania; Niger')).toEqual({ codes: ['MLI', 'MRT', 'NER'], unmatched: [] });
    expect(countriesIn('Global: Argentina, Egypt, Ethiopia, Jordan, Lebanon, Morocco, Nepal, Palestine')).toEqual({
      codes: ['ARG', 'EGY', 'ETH', 'JOR', 'LBN', 'MAR', 'NPL', 'PSE'],
      unmatched: ['Global'],
    });
  });

  it('finds a country inside a note and keeps sub-national areas to the country', () => {
    expect(countriesIn('Philippines (BARMM)').codes).toEqual(['PHL']);
    expect(countriesIn('Honduras (Tegucigalpa, Zonal Belén)').codes).toEqual(['HND']);
    expect(countriesIn('Eastern Caribbean (St Lucia activity)').codes).toEqual(['LCA']);
  });

  it('tells Niger from Nigeria and South Sudan from Sudan', () => {
    expect(countriesIn('Nigeria; Niger').codes).toEqual(['NGA', 'NER']);
    expect(countriesIn('South Sudan; Sudan').codes).toEqual(['SSD', 'SDN']);
    expect(countriesIn('Southern Africa (regional)')).toEqual({ codes: [], unmatched: ['Southern Africa (regional)'] });
  });

  it('reports the parts that name no country instead of guessing', () => {
    expect(countriesIn('Kenya; Lebanon; Sudan (FAO interaction); global')).toEqual({
      codes: ['KEN', 'LBN', 'SDN'],
      unmatched: ['global'],
    });
    expect(countriesIn('Global')).toEqual({ codes: [], unmatched: ['Global'] });
    expect(countriesIn('Barbados; Eastern Caribbean')).toEqual({ codes: ['BRB'], unmatched: ['Eastern Caribbean'] });
  });
});
