import type { ActivityProfile } from './activity-profile';
import { fingerprintOf } from './fingerprint';

const profile = (overrides: Partial<ActivityProfile> = {}): ActivityProfile => ({
  id: 'A-1',
  titles: ['Cash transfers'],
  descriptions: [],
  organisation: 'WFP',
  partners: ['UNICEF', 'FCDO'],
  country: 'MOZ',
  areas: ['Sofala', 'Manica'],
  policyAreas: [],
  guarantees: ['CHILDREN'],
  functions: ['CASH_TRANSFER'],
  targetGroups: [],
  counterparts: [],
  start: '2024-01-01',
  end: '2024-12-31',
  budget: null,
  jointProgramme: null,
  ...overrides,
});

describe('Fingerprint of a flag’s subjects', () => {
  it('is the same for the same activities, whatever the order of subjects and list entries', () =>
    expect(fingerprintOf([profile(), profile({ id: 'A-2' })])).toBe(
      fingerprintOf([profile({ id: 'A-2' }), profile({ areas: ['Manica', 'Sofala'], partners: ['FCDO', 'UNICEF'] })]),
    ));

  it('changes with anything the detector reads', () => {
    const before = fingerprintOf([profile(), profile({ id: 'A-2' })]);
    for (const change of [{ end: '2025-06-30' }, { areas: ['Sofala'] }, { titles: ['Cash transfers, phase 2'] }]) {
      expect(fingerprintOf([profile(change), profile({ id: 'A-2' })])).not.toBe(before);
    }
  });
});
