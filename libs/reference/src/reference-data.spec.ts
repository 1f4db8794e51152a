import {
  countryByAlpha2,
  countryByCode,
  isCountryCode,
  isCurrency,
  isOrganisationType,
  isSdgGoal,
  isSdgTarget,
  isVocabularyCode,
  listCountries,
  listCurrencies,
  listOrganisationTypes,
  listSdgGoals,
  listSdgTargets,
  listVocabulary,
  sdgTargetByCode,
  unknownCodes,
  VOCABULARIES,
  type PolicyArea,
  type ReferenceKind,
  type VocabularyName,
} from './index';

describe('countries', () => {
  it('knows Cambodia and Malawi by ISO alpha-3, with French and Spanish names', () => {
    expect(countryByCode('KHM')).toEqual({
      code: 'KHM',
      alpha2: 'KH',
      name: { en: 'Cambodia', fr: 'Cambodge', es: 'Camboya' },
    });
    expect(countryByCode('MWI')?.name).toEqual({ en: 'Malawi', fr: 'Malawi', es: 'Malaui' });
    expect(isCountryCode('BFA')).toBe(true);
  });

  it('rejects codes that are not ISO alpha-3 country codes', () => {
    for (const code of ['XYZ', 'KH', 'khm', '', 'ANT']) expect(isCountryCode(code)).toBe(false);
    expect(countryByCode('XYZ')).toBeUndefined();
  });

  it('maps IATI alpha-2 codes to countries', () => {
    expect(countryByAlpha2('MW')?.code).toBe('MWI');
    expect(countryByAlpha2('XK')).toBeUndefined();
  });

  it('has every IATI country with an alpha-3, each code once, all names filled', () => {
    const countries = listCountries();
    expect(countries.length).toBeGreaterThanOrEqual(240);
    expect(new Set(countries.map((c) => c.code)).size).toBe(countries.length);
    for (const c of countries) {
      expect(c.code).toMatch(/^[A-Z]{3}$/);
      expect(c.alpha2).toMatch(/^[A-Z]{2}$/);
      expect(c.name.en && c.name.fr && c.name.es).toBeTruthy();
    }
  });

  it('hands out data that cannot be changed by accident', () => {
    const khm = countryByCode('KHM')!;
    expect(Object.isFrozen(khm) && Object.isFrozen(khm.name) && Object.isFrozen(listCountries())).toBe(true);
  });
});

describe('IATI code lists', () => {
  it('has the 17 SDG goals and 169 targets, each target under its goal', () => {
    expect(listSdgGoals()).toHaveLength(17);
    expect(listSdgTargets()).toHaveLength(169);
    expect(isSdgGoal('1') && isSdgGoal('17')).toBe(true);
    expect(isSdgGoal('18')).toBe(false);
    expect(isSdgTarget('1.3') && isSdgTarget('10.4') && isSdgTarget('1.a') && isSdgTarget('17.19')).toBe(true);
    expect(isSdgTarget('1.8') || isSdgTarget('1')).toBe(false);
    expect(sdgTargetByCode('1.3')).toMatchObject({
      goal: '1',
      name: { en: expect.stringContaining('social protection') },
    });
    expect(listSdgTargets().every((t) => isSdgGoal(t.goal))).toBe(true);
  });

  it('knows organisation types and currencies', () => {
    expect(isOrganisationType('40')).toBe(true);
    expect(isOrganisationType('41')).toBe(false);
    expect(listOrganisationTypes().find((t) => t.code === '10')?.name).toEqual({
      en: 'Government',
      fr: 'Gouvernement',
    });
    expect(isCurrency('USD') && isCurrency('EUR') && isCurrency('XOF')).toBe(true);
    expect(isCurrency('ZMK')).toBe(false); // withdrawn in IATI
    expect(listCurrencies().length).toBeGreaterThanOrEqual(150);
  });
});

describe('vocabularies', () => {
  it('checks codes against one vocabulary and narrows the type', () => {
    const code: string = 'FINANCING';
    expect(isVocabularyCode('policyAreas', code)).toBe(true);
    if (isVocabularyCode('policyAreas', code)) {
      const area: PolicyArea = code;
      expect(area).toBe('FINANCING');
    }
    expect(isVocabularyCode('guarantees', 'FINANCING')).toBe(false);
    expect(isVocabularyCode('stages', 'SCHEME_DESIGN')).toBe(true);
    expect(isVocabularyCode('functions', 'COSTING_FISCAL_SPACE')).toBe(true);
    expect(isVocabularyCode('targetGroups', 'CHILDREN')).toBe(true);
    expect(isVocabularyCode('activityStatuses', 'IMPLEMENTATION')).toBe(true);
    expect(isVocabularyCode('organisationRoles', 'IMPLEMENTING')).toBe(true);
    expect(isVocabularyCode('residencies', 'NON_RESIDENT')).toBe(true);
    expect(isVocabularyCode('policyAreas', 'financing')).toBe(false);
  });

  it('lists entries with en/fr/es labels in display order', () => {
    expect(listVocabulary('interactionLevels').map((e) => e.code)).toEqual([
      'SILOS',
      'INFORMATION_SHARING',
      'POLICY_ALIGNMENT',
      'COOPERATION',
    ]);
    expect(listVocabulary('activityStatuses').map((e) => e.iatiCode)).toEqual(['1', '2', '3', '4', '5', '6']);
    for (const name of Object.keys(VOCABULARIES) as VocabularyName[]) {
      const entries = listVocabulary(name);
      expect(new Set(entries.map((e) => e.code)).size).toBe(entries.length);
      for (const e of entries) {
        expect(e.code).toMatch(/^[A-Z][A-Z_]*$/);
        expect(e.label.en && e.label.fr && e.label.es).toBeTruthy();
      }
    }
  });

  it('has the FORMAT.md code lists exactly', () => {
    const codes = (name: VocabularyName) => listVocabulary(name).map((e) => e.code);
    expect(codes('policyAreas')).toHaveLength(6);
    expect(codes('guarantees')).toEqual(['HEALTH_CARE', 'CHILDREN', 'WORKING_AGE', 'OLDER_PERSONS']);
    // FORMAT.md's five stages, plus doc 001's implementation sub-stages, each named IMPLEMENTATION_<step>.
    expect(codes('stages').filter((c) => !c.startsWith('IMPLEMENTATION_'))).toEqual([
      'POLICY_MAKING',
      'PLANNING_BUDGETING',
      'SCHEME_DESIGN',
      'IMPLEMENTATION',
      'MONITORING_EVALUATION',
    ]);
    expect(codes('stages').filter((c) => c.startsWith('IMPLEMENTATION_'))).toHaveLength(6);
    expect(codes('functions')).toHaveLength(13);
    expect(codes('targetGroups')).toHaveLength(13);
    expect(codes('activityStatuses')).toEqual([
      'PIPELINE',
      'IMPLEMENTATION',
      'FINALISATION',
      'CLOSED',
      'CANCELLED',
      'SUSPENDED',
    ]);
  });
});

describe('unknownCodes', () => {
  it('returns nothing when every code is known', () => {
    expect(unknownCodes('country', ['KHM', 'MWI', 'BFA'])).toEqual([]);
    expect(unknownCodes('targetGroups', [])).toEqual([]);
  });

  it('returns the unknown codes once each, in the order first given', () => {
    expect(unknownCodes('sdgTarget', ['1.3', '99.9', '10.4', 'x', '99.9'])).toEqual(['99.9', 'x']);
    expect(unknownCodes('policyAreas', ['FINANCING', 'HEALTH', 'LNOB_INCLUSION'])).toEqual(['HEALTH']);
    expect(unknownCodes('currency', ['USD', 'usd'])).toEqual(['usd']);
    expect(unknownCodes('organisationType', ['10', '99'])).toEqual(['99']);
    expect(unknownCodes('sdgGoal', ['1', '1.3'])).toEqual(['1.3']);
  });

  it('refuses a kind that does not exist instead of calling everything unknown', () => {
    expect(() => unknownCodes('countries' as ReferenceKind, ['KHM'])).toThrow(/Unknown reference kind/);
    expect(() => unknownCodes('toString' as ReferenceKind, ['KHM'])).toThrow(/Unknown reference kind/);
  });
});
