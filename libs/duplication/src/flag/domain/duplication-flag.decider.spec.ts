import { specFor, testContext } from '@concord/kernel/testing';
import { flagIdFor } from './duplication-flag.aggregate';
import type { DuplicationFlagCommand } from './duplication-flag.commands';
import { duplicationFlagDecider } from './duplication-flag.decider';
import type { DuplicationFlagEvent, Finding, FlagSubject } from './duplication-flag.events';

const given = specFor(duplicationFlagDecider);
const subjects: FlagSubject[] = [
  { type: 'ACTIVITY', id: 'act-wb' },
  { type: 'ACTIVITY', id: 'act-ilo' },
];
const finding: Finding = {
  kind: 'OVERLAPPING_EFFORT',
  score: 4.8,
  contributions: [{ signal: 'text', says: 'the same kind of work (60 % of their words)', points: 1.8 }],
  fingerprint: 'v1',
};
const detect = (found: Finding | null): DuplicationFlagCommand => ({
  type: 'Detect',
  data: { subjects, country: 'BFA', organisations: ['WORLD_BANK', 'ILO'], finding: found },
});
const raised: DuplicationFlagEvent = {
  type: 'DuplicationFlagRaised',
  data: { ...finding, subjects, country: 'BFA', organisations: ['WORLD_BANK', 'ILO'] },
};
const dismissed: DuplicationFlagEvent = {
  type: 'DuplicationFlagDismissed',
  data: { by: 'rco-bfa', as: 'COMPLEMENTARY', reason: 'Division of labour agreed in the SP working group' },
};
const coordinator = { ...testContext, actor: { id: 'rco-bfa', roles: ['rco-coordinator'], countries: ['BFA'] } };

describe('A duplication flag and the detector', () => {
  it('is named after its subjects in any order', () =>
    expect(flagIdFor([...subjects].reverse())).toBe(flagIdFor(subjects)));

  it('is raised on a first finding, and nothing happens for a pair never found alike', () => {
    given().when(detect(finding)).then([raised]);
    given().when(detect(null)).then([]);
  });

  it('is rescored when the finding changes, and left alone when it does not', () => {
    const changed = { ...finding, kind: 'DUPLICATE_RECORD' as const, score: 5.1, fingerprint: 'v2' };
    given(raised)
      .when(detect(changed))
      .then([{ type: 'DuplicationFlagRescored', data: changed }]);
    given(raised).when(detect(finding)).then([]);
    given(raised)
      .when(detect({ ...finding, score: 5.1 }))
      .then([]); // drift, not change
    given(raised)
      .when(detect({ ...finding, score: 5.4 }))
      .then([{ type: 'DuplicationFlagRescored', data: { ...finding, score: 5.4 } }]);
  });

  it('is cleared when the subjects are no longer alike, once', () => {
    const cleared: DuplicationFlagEvent = {
      type: 'DuplicationFlagCleared',
      data: { reason: 'the detector no longer finds the subjects alike' },
    };
    given(raised).when(detect(null)).then([cleared]);
    given(raised, cleared).when(detect(null)).then([]);
  });

  it('stays dismissed through rescans while its subjects are unchanged', () => {
    given(raised, dismissed).when(detect(finding)).then([]);
    given(raised, dismissed)
      .when(detect({ ...finding, score: 4.9 }))
      .then([]);
    given(raised, dismissed).when(detect(null)).then([]);
  });

  it('comes back when a dismissed pair changed materially and is alike again', () => {
    const changed = { ...finding, fingerprint: 'v2' };
    given(raised, dismissed)
      .when(detect(changed))
      .then([
        {
          type: 'DuplicationFlagReopened',
          data: { by: 'detector', reason: 'the subjects changed and the detector finds them alike again' },
        },
        { type: 'DuplicationFlagRescored', data: changed },
      ]);
  });

  it('refuses a flag about fewer than two subjects', () =>
    given()
      .when({ type: 'Detect', data: { ...detect(finding).data, subjects: [subjects[0]] } } as DuplicationFlagCommand)
      .thenThrows('TOO_FEW_SUBJECTS', /^subjects: a flag is about two subjects or more$/));
});

describe('A duplication flag and the coordinators', () => {
  it('is confirmed, dismissed with a reason, or resolved, by whom the event says', () => {
    given(raised)
      .when({ type: 'ConfirmFlag', data: { note: ' Same households in Nord ' } }, coordinator)
      .then([{ type: 'DuplicationFlagConfirmed', data: { by: 'rco-bfa', note: 'Same households in Nord' } }]);
    given(raised)
      .when(
        {
          type: 'DismissFlag',
          data: { as: 'COMPLEMENTARY', reason: 'Division of labour agreed in the SP working group' },
        },
        coordinator,
      )
      .then([dismissed]);
    given(raised, { type: 'DuplicationFlagConfirmed', data: { by: 'rco-bfa', note: null } })
      .when({ type: 'ResolveFlag', data: { as: 'TURNED_INTO_JOINT_PROGRAMME' } }, coordinator)
      .then([
        { type: 'DuplicationFlagResolved', data: { by: 'rco-bfa', as: 'TURNED_INTO_JOINT_PROGRAMME', note: null } },
      ]);
  });

  it('needs a reason to dismiss and a known dismissal or resolution', () => {
    given(raised)
      .when({ type: 'DismissFlag', data: { as: 'FALSE_POSITIVE', reason: ' ' } })
      .thenThrows('VALUE_REQUIRED', /^reason:/);
    given(raised)
      .when({ type: 'DismissFlag', data: { as: 'NOT_MINE' as never, reason: 'x' } })
      .thenThrows('UNKNOWN_CODE', /^as: must be FALSE_POSITIVE or COMPLEMENTARY$/);
    given(raised)
      .when({ type: 'ResolveFlag', data: { as: 'IGNORED' as never } })
      .thenThrows('UNKNOWN_CODE', /^as: must be one of MERGED/);
  });

  it('is reopened by a coordinator with a reason, and refuses moves its state does not allow', () => {
    given(raised, dismissed)
      .when({ type: 'ReopenFlag', data: { reason: 'The working group did not agree after all' } }, coordinator)
      .then([
        {
          type: 'DuplicationFlagReopened',
          data: { by: 'rco-bfa', reason: 'The working group did not agree after all' },
        },
      ]);
    given(raised)
      .when({ type: 'ReopenFlag', data: { reason: 'x' } })
      .thenThrows('INVALID_TRANSITION', /^DuplicationFlag is OPEN; cannot reopen it$/);
    given(raised, dismissed)
      .when({ type: 'ConfirmFlag', data: {} })
      .thenThrows('INVALID_TRANSITION', /DISMISSED; cannot confirm it/);
    given().when({ type: 'ConfirmFlag', data: {} }).thenThrows('FLAG_NOT_FOUND');
  });

  it('takes comments from the agencies involved, with their organisation', () =>
    given(raised)
      .when(
        { type: 'CommentOnFlag', data: { text: 'Our diagnosis covers Nord only' } },
        { ...testContext, actor: { id: 'ilo-bfa', roles: ['agency-editor'], countries: ['BFA'], organisation: 'ILO' } },
      )
      .then([
        {
          type: 'DuplicationFlagCommented',
          data: { by: 'ilo-bfa', organisation: 'ILO', text: 'Our diagnosis covers Nord only' },
        },
      ]));
});
