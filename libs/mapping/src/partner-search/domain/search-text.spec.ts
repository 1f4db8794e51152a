import { foldText } from './search-text';

describe('foldText', () => {
  it('drops accents and case, in French, Spanish and Portuguese', () => {
    expect(foldText('Évaluation de la PROTECTION sociale')).toBe('evaluation de la protection sociale');
    expect(foldText('Protección social: niñez')).toBe('proteccion social: ninez');
    expect(foldText('Proteção social e inclusão')).toBe('protecao social e inclusao');
  });

  it('leaves letters that are not accented forms alone', () => {
    expect(foldText('Œuvre straße ØRE')).toBe('œuvre straße øre');
  });
});
