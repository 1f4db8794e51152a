import { textTokens } from './text-tokens';

describe('Words an activity is compared by', () => {
  it('folds accents and case, drops stop words and cuts words to their stem', () => {
    expect(textTokens('Évaluation des Transferts sociaux, 2024')).toEqual(['evalua', 'transf', 'social', '2024']);
  });

  it('keeps acronyms and numbers, the same in every language', () => {
    expect(textTokens('Modernisation du système CNSS')).toEqual(['modern', 'system', 'cnss']);
  });

  it('maps French, Spanish and Portuguese field terms to the English stem', () => {
    const english = new Set(textTokens('Cash transfers to poor households'));
    for (const other of ['Transferts monétaires aux ménages pauvres', 'Transferencias monetarias a hogares pobres']) {
      expect(textTokens(other).filter((word) => english.has(word))).toEqual(['transf', 'cash', 'househ', 'poor']);
    }
  });

  it('keeps information systems apart from the informal economy', () => {
    expect(textTokens('information system')).not.toContain(textTokens('informal economy')[0]);
  });
});
