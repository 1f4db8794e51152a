import { fold } from '@concord/kernel';
import { specFor, testContext } from '@concord/kernel/testing';
import type { CoordinationBodyCommand } from './coordination-body.commands';
import { coordinationBodyDecider } from './coordination-body.decider';
import type { CoordinationBodyEvent } from './coordination-body.events';

const given = specFor(coordinationBodyDecider);

type EstablishData = Extract<CoordinationBodyCommand, { type: 'EstablishCoordinationBody' }>['data'];
const establish = (data: Partial<EstablishData> = {}): CoordinationBodyCommand => ({
  type: 'EstablishCoordinationBody',
  data: { name: 'Social protection working group', country: 'MWI', kind: 'SP_WORKING_GROUP', ...data },
});
const established: CoordinationBodyEvent = {
  type: 'CoordinationBodyEstablished',
  data: {
    name: 'Social protection working group',
    names: { en: 'Social protection working group' },
    country: 'MWI',
    kind: 'SP_WORKING_GROUP',
    cadence: 'MONTHLY',
  },
};
const admitted = (organisation: string, since = '2024-01-10'): CoordinationBodyEvent => ({
  type: 'BodyMemberAdmitted',
  data: { organisation, since },
});
const ilo = admitted('ILO');
const unicef = admitted('UNICEF');
const wfp = admitted('WFP');
const iloChairs: CoordinationBodyEvent = { type: 'BodyChairAppointed', data: { organisation: 'ILO' } };
const dissolved: CoordinationBodyEvent = { type: 'CoordinationBodyDissolved', data: { on: '2025-12-31' } };

describe('Establishing a coordination body', () => {
  it('establishes a national body with its kind, names and cadence', () =>
    given()
      .when(establish({ name: ' Social protection working group ', names: { fr: 'Groupe PS' }, cadence: 'MONTHLY' }))
      .then([
        { ...established, data: { ...established.data, names: { en: established.data.name, fr: 'Groupe PS' } } },
      ]));

  it('establishes a regional body under a free region code', () =>
    given()
      .when(establish({ country: undefined, region: 'ASIA_PACIFIC', kind: 'ISSUE_BASED_COALITION' }))
      .then([
        {
          type: 'CoordinationBodyEstablished',
          data: expect.objectContaining({ region: 'ASIA_PACIFIC', kind: 'ISSUE_BASED_COALITION' }),
        },
      ]));

  it('refuses both a country and a region, and neither, naming both fields', () => {
    given()
      .when(establish({ region: 'ASIA_PACIFIC' }))
      .thenThrows('SCOPE_REQUIRED', /exactly one of country \(ISO3\) or region/);
    given()
      .when(establish({ country: undefined }))
      .thenThrows('SCOPE_REQUIRED');
  });

  it('refuses an unknown country and a malformed region code', () => {
    given()
      .when(establish({ country: 'XYZ' }))
      .thenThrows('UNKNOWN_CODE', /^country: is not an ISO 3166-1 alpha-3/);
    given()
      .when(establish({ country: undefined, region: 'asia pacific' }))
      .thenThrows('INVALID_CODE', /^region: must be a region code like ASIA_PACIFIC/);
  });

  it('refuses an unknown kind or cadence, listing the allowed values', () => {
    given()
      .when(establish({ kind: 'CLUB' as never }))
      .thenThrows('UNKNOWN_CODE', /^kind: must be one of UNCT, RESULTS_GROUP, SP_WORKING_GROUP/);
    given()
      .when(establish({ cadence: 'DAILY' as never }))
      .thenThrows('UNKNOWN_CODE', /^cadence: must be one of WEEKLY, MONTHLY/);
  });

  it('refuses an empty or over-long name', () => {
    given()
      .when(establish({ name: '  ' }))
      .thenThrows('VALUE_REQUIRED', /^name: must not be empty/);
    given()
      .when(establish({ name: 'x'.repeat(201) }))
      .thenThrows('TOO_LONG', /at most 200 characters \(is 201\)/);
  });

  it('refuses to establish the same body twice, naming its state', () =>
    given(established)
      .when(establish())
      .thenThrows('INVALID_TRANSITION', /CoordinationBody is ACTIVE; cannot establish it again/));

  it('refuses changes to a body that does not exist', () =>
    given()
      .when({ type: 'AdmitMember', data: { organisation: 'ILO' } })
      .thenThrows('COORDINATION_BODY_NOT_FOUND'));
});

describe('Renaming', () => {
  it('renames, keeping the other languages, and ignores a repeat', () => {
    given({ ...established, data: { ...established.data, names: { en: 'SPWG', fr: 'GTPS' } } })
      .when({ type: 'RenameCoordinationBody', data: { name: 'Social protection sector working group' } })
      .then([
        {
          type: 'CoordinationBodyRenamed',
          data: {
            name: 'Social protection sector working group',
            names: { en: 'Social protection sector working group', fr: 'GTPS' },
          },
        },
      ]);
    given(established)
      .when({ type: 'RenameCoordinationBody', data: { name: 'Social protection working group' } })
      .then([]);
  });
});

describe('Membership', () => {
  it('admits a member since a given date, or since today', () => {
    given(established)
      .when({ type: 'AdmitMember', data: { organisation: 'ILO', since: '2024-01-10' } })
      .then([ilo]);
    given(established)
      .when({ type: 'AdmitMember', data: { organisation: 'ILO' } })
      .then([admitted('ILO', testContext.now.toISOString().slice(0, 10))]);
  });

  it('refuses a malformed organisation code and an impossible date', () => {
    given(established)
      .when({ type: 'AdmitMember', data: { organisation: 'ilo' } })
      .thenThrows('INVALID_CODE', /^organisation: must be an organisation code/);
    given(established)
      .when({ type: 'AdmitMember', data: { organisation: 'ILO', since: '2025-02-30' } })
      .thenThrows('INVALID_DATE', /^since: must be a date written YYYY-MM-DD/);
    given(established)
      .when({ type: 'AdmitMember', data: { organisation: 'ILO', since: '2025-13-01' } })
      .thenThrows('INVALID_DATE', /^since:/);
  });

  it('refuses to admit a member twice, saying since when', () =>
    given(established, ilo)
      .when({ type: 'AdmitMember', data: { organisation: 'ILO' } })
      .thenThrows('MEMBER_EXISTS', /ILO is already a member of Social protection working group \(since 2024-01-10\)/));

  it('removes a member, and refuses to remove one that is not a member', () => {
    given(established, ilo)
      .when({ type: 'RemoveMember', data: { organisation: 'ILO' } })
      .then([{ type: 'BodyMemberRemoved', data: { organisation: 'ILO' } }]);
    given(established, ilo)
      .when({ type: 'RemoveMember', data: { organisation: 'FAO' } })
      .thenThrows('NOT_A_MEMBER', /^organisation: FAO is not a member of Social protection working group/);
  });
});

describe('Chairs', () => {
  it('appoints a member as chair, and ignores a repeat', () => {
    given(established, ilo)
      .when({ type: 'AppointChair', data: { organisation: 'ILO' } })
      .then([iloChairs]);
    given(established, ilo, iloChairs)
      .when({ type: 'AppointChair', data: { organisation: 'ILO' } })
      .then([]);
  });

  it('refuses to appoint a non-member, naming the organisation', () =>
    given(established, ilo)
      .when({ type: 'AppointChair', data: { organisation: 'FAO' } })
      .thenThrows('NOT_A_MEMBER', /FAO is not a member .*; admit it before appointing it chair/));

  it('a removed member no longer chairs', () =>
    given(established, ilo, iloChairs, { type: 'BodyMemberRemoved', data: { organisation: 'ILO' } }, ilo)
      .when({ type: 'RelieveChair', data: { organisation: 'ILO' } })
      .thenThrows('NOT_A_CHAIR', /ILO does not chair Social protection working group/));

  it('relieves a chair', () =>
    given(established, ilo, iloChairs)
      .when({ type: 'RelieveChair', data: { organisation: 'ILO' } })
      .then([{ type: 'BodyChairRelieved', data: { organisation: 'ILO' } }]));
});

describe('Terms of reference', () => {
  it('sets the text and URL, keeping the cadence', () =>
    given(established)
      .when({ type: 'SetTermsOfReference', data: { text: ' Meets to align… ', url: 'https://example.org/tor.pdf' } })
      .then([
        {
          type: 'BodyTermsOfReferenceSet',
          data: { text: 'Meets to align…', url: 'https://example.org/tor.pdf', cadence: 'MONTHLY' },
        },
      ]));

  it('changes only the cadence, and ignores an unchanged one', () => {
    given(established)
      .when({ type: 'SetTermsOfReference', data: { cadence: 'QUARTERLY' } })
      .then([{ type: 'BodyTermsOfReferenceSet', data: { cadence: 'QUARTERLY' } }]);
    given(established)
      .when({ type: 'SetTermsOfReference', data: { cadence: 'MONTHLY' } })
      .then([]);
  });

  it('refuses terms over 10,000 characters, echoing only the start of the text', () => {
    const tooLong: CoordinationBodyCommand = { type: 'SetTermsOfReference', data: { text: 'x'.repeat(10_001) } };
    given(established)
      .when(tooLong)
      .thenThrows('TOO_LONG', /^text: must be at most 10000 characters \(is 10001\)/);
    const state = fold(coordinationBodyDecider, [established]);
    expect(() => coordinationBodyDecider.decide(tooLong, state, testContext)).toThrow(
      expect.objectContaining({ fields: [expect.objectContaining({ path: 'text', value: `${'x'.repeat(100)}…` })] }),
    );
  });

  it('refuses an address that is not http(s), and an empty change', () => {
    given(established)
      .when({ type: 'SetTermsOfReference', data: { url: 'ftp://example.org/tor' } })
      .thenThrows('INVALID_URL', /^url: must be an http\(s\) address/);
    given(established).when({ type: 'SetTermsOfReference', data: {} }).thenThrows('TERMS_REQUIRED');
  });
});

describe('Interaction levels between members (doc 001)', () => {
  it('records the pair once, smaller code first, whichever way round it was given', () =>
    given(established, ilo, unicef)
      .when({ type: 'RecordInteractionLevel', data: { a: 'UNICEF', b: 'ILO', level: 'POLICY_ALIGNMENT' } })
      .then([{ type: 'BodyInteractionLevelRecorded', data: { a: 'ILO', b: 'UNICEF', level: 'POLICY_ALIGNMENT' } }]));

  it('changes a recorded level and ignores the same level given the other way round', () => {
    const aligned: CoordinationBodyEvent = {
      type: 'BodyInteractionLevelRecorded',
      data: { a: 'ILO', b: 'UNICEF', level: 'POLICY_ALIGNMENT' },
    };
    given(established, ilo, unicef, aligned)
      .when({ type: 'RecordInteractionLevel', data: { a: 'ILO', b: 'UNICEF', level: 'COOPERATION' } })
      .then([{ type: 'BodyInteractionLevelRecorded', data: { a: 'ILO', b: 'UNICEF', level: 'COOPERATION' } }]);
    given(established, ilo, unicef, aligned)
      .when({ type: 'RecordInteractionLevel', data: { a: 'UNICEF', b: 'ILO', level: 'POLICY_ALIGNMENT' } })
      .then([]);
  });

  it("forgets a member's levels when it leaves, so after re-admission its level is recorded afresh", () => {
    const aligned: CoordinationBodyEvent = {
      type: 'BodyInteractionLevelRecorded',
      data: { a: 'ILO', b: 'UNICEF', level: 'POLICY_ALIGNMENT' },
    };
    const left: CoordinationBodyEvent = { type: 'BodyMemberRemoved', data: { organisation: 'UNICEF' } };
    given(established, ilo, unicef, aligned, left)
      .when({ type: 'RecordInteractionLevel', data: { a: 'ILO', b: 'UNICEF', level: 'POLICY_ALIGNMENT' } })
      .thenThrows('NOT_A_MEMBER', /^b: UNICEF is not a member/);
    given(established, ilo, unicef, aligned, left, unicef)
      .when({ type: 'RecordInteractionLevel', data: { a: 'UNICEF', b: 'ILO', level: 'POLICY_ALIGNMENT' } })
      .then([{ type: 'BodyInteractionLevelRecorded', data: { a: 'ILO', b: 'UNICEF', level: 'POLICY_ALIGNMENT' } }]);
  });

  it('refuses a non-member, one organisation with itself, and an unknown level', () => {
    given(established, ilo)
      .when({ type: 'RecordInteractionLevel', data: { a: 'ILO', b: 'WFP', level: 'SILOS' } })
      .thenThrows('NOT_A_MEMBER', /^b: WFP is not a member/);
    given(established, ilo)
      .when({ type: 'RecordInteractionLevel', data: { a: 'ILO', b: 'ILO', level: 'SILOS' } })
      .thenThrows('SAME_ORGANISATION', /^b: must differ from a/);
    given(established, ilo, unicef)
      .when({ type: 'RecordInteractionLevel', data: { a: 'ILO', b: 'UNICEF', level: 'FRIENDS' as never } })
      .thenThrows('UNKNOWN_CODE', /^level: must be one of SILOS, INFORMATION_SHARING, POLICY_ALIGNMENT, COOPERATION/);
  });
});

describe('Divisions of labour', () => {
  const divide = (organisations: string[], extra: { topic?: string; note?: string } = {}): CoordinationBodyCommand => ({
    type: 'RecordDivisionOfLabour',
    data: { organisations, topic: 'Shock-responsive cash transfers', ...extra },
  });

  it('numbers each record of the body, naming its members once each', () => {
    const first: CoordinationBodyEvent = {
      type: 'BodyDivisionOfLabourRecorded',
      data: { seq: 1, organisations: ['WFP', 'UNICEF'], topic: 'Shock-responsive cash transfers', note: 'WFP leads' },
    };
    given(established, unicef, wfp)
      .when(divide(['WFP', 'UNICEF', 'WFP'], { note: 'WFP leads' }))
      .then([first]);
    given(established, unicef, wfp, first)
      .when(divide(['UNICEF'], { topic: 'Child grant costing' }))
      .then([
        {
          type: 'BodyDivisionOfLabourRecorded',
          data: { seq: 2, organisations: ['UNICEF'], topic: 'Child grant costing', note: undefined },
        },
      ]);
  });

  it('refuses no organisations, a non-member by position, and an empty topic', () => {
    given(established, unicef).when(divide([])).thenThrows('ORGANISATIONS_REQUIRED');
    given(established, unicef)
      .when(divide(['UNICEF', 'FAO']))
      .thenThrows('NOT_A_MEMBER', /^organisations\.1: FAO is not a member/);
    given(established, unicef)
      .when(divide(['UNICEF'], { topic: '' }))
      .thenThrows('VALUE_REQUIRED', /^topic:/);
  });
});

describe('Dissolution', () => {
  it('dissolves on a date, and refuses every later change, naming the state', () => {
    given(established)
      .when({ type: 'Dissolve', data: { on: '2025-12-31' } })
      .then([dissolved]);
    given(established, ilo, dissolved)
      .when({ type: 'AdmitMember', data: { organisation: 'UNICEF' } })
      .thenThrows('INVALID_TRANSITION', /CoordinationBody is DISSOLVED; cannot admit a member/);
    given(established, dissolved)
      .when({ type: 'Dissolve', data: {} })
      .thenThrows('INVALID_TRANSITION', /DISSOLVED; cannot dissolve it again/);
  });
});
