import type { Actor } from '@concord/kernel';
import type { DuplicationFlagCommand } from '../domain/duplication-flag.commands';
import type { DuplicationFlagState } from '../domain/duplication-flag.decider';
import { authorizeFlagCommand } from './duplication-flag.policy';

const flag: DuplicationFlagState = {
  status: 'OPEN',
  country: 'BFA',
  organisations: ['WORLD_BANK', 'ILO'],
  kind: 'OVERLAPPING_EFFORT',
  score: 4.8,
  fingerprint: 'v1',
};
const actor = (roles: string[], countries: string[] = [], organisation?: string): Actor => ({
  id: 'u',
  roles,
  countries,
  organisation,
});
const dismiss: DuplicationFlagCommand = { type: 'DismissFlag', data: { as: 'COMPLEMENTARY', reason: 'agreed' } };
const comment: DuplicationFlagCommand = { type: 'CommentOnFlag', data: { text: 'We cover Nord only' } };
const detect: DuplicationFlagCommand = {
  type: 'Detect',
  data: { subjects: [], country: 'BFA', organisations: [], finding: null },
};
const check = (command: DuplicationFlagCommand, who: Actor) => () => authorizeFlagCommand(command, flag, who);

describe('Who may act on a duplication flag', () => {
  it('lets only the detector (the system) raise, rescore and clear flags', () => {
    expect(check(detect, actor(['system']))).not.toThrow();
    expect(check(detect, actor(['platform-admin']))).toThrow(/^Only the duplication detector/);
  });

  it("lets the country's RCO coordinators and platform admins decide, and no one else", () => {
    expect(check(dismiss, actor(['rco-coordinator'], ['BFA']))).not.toThrow();
    expect(check(dismiss, actor(['platform-admin']))).not.toThrow();
    expect(check(dismiss, actor(['rco-coordinator'], ['MLI']))).toThrow(
      /^Only a platform admin or an RCO coordinator of BFA can decide on this flag$/,
    );
    expect(check(dismiss, actor(['agency-editor'], ['BFA'], 'ILO'))).toThrow(/RCO coordinator of BFA/);
  });

  it('lets the agencies involved comment in the country, not others', () => {
    expect(check(comment, actor(['agency-editor'], ['BFA'], 'ILO'))).not.toThrow();
    expect(check(comment, actor(['agency-editor'], ['BFA'], 'WFP'))).toThrow(
      /^Only an RCO coordinator of BFA or an agency editor of WORLD_BANK or ILO in BFA can comment on this flag$/,
    );
    expect(check(comment, actor(['agency-editor'], ['MLI'], 'ILO'))).toThrow();
  });
});
