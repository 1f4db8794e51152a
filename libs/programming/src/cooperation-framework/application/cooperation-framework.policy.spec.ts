import type { Actor } from '@concord/kernel';
import type { CooperationFrameworkCommand } from '../domain/cooperation-framework.commands';
import type { CooperationFrameworkState } from '../domain/cooperation-framework.decider';
import { authorizeCooperationFrameworkCommand } from './cooperation-framework.policy';

const cambodia: CooperationFrameworkState = { status: 'DRAFT', code: 'KHM-UNSDCF', countries: ['KHM'], results: {} };
const actor = (roles: string[], countries: string[] = []): Actor => ({ id: 'u', roles, countries });
const create: CooperationFrameworkCommand = {
  type: 'CreateCooperationFramework',
  data: { code: 'KHM-UNSDCF', title: 'UNSDCF', countries: ['KHM'], startDate: '2019-01-01', endDate: '2023-12-31' },
};
const addPriority: CooperationFrameworkCommand = {
  type: 'AddStrategicPriority',
  data: { code: 'SP1', title: 'People' },
};
const activate: CooperationFrameworkCommand = { type: 'ActivateCooperationFramework', data: {} };
const allowed = (command: CooperationFrameworkCommand, state: CooperationFrameworkState, who: Actor) =>
  expect(() => authorizeCooperationFrameworkCommand(command, state, who)).not.toThrow();
const refused = (command: CooperationFrameworkCommand, state: CooperationFrameworkState, who: Actor, says: RegExp) =>
  expect(() => authorizeCooperationFrameworkCommand(command, state, who)).toThrow(
    expect.objectContaining({ kind: 'FORBIDDEN', message: expect.stringMatching(says) }),
  );

describe('Who may shape a Cooperation Framework', () => {
  it('lets a platform admin and the system do anything', () => {
    allowed(create, { status: 'none' }, actor(['platform-admin']));
    allowed(activate, cambodia, actor(['system']));
  });

  it("lets an RCO coordinator create and change their country's framework", () => {
    allowed(create, { status: 'none' }, actor(['rco-coordinator'], ['KHM']));
    allowed(addPriority, cambodia, actor(['rco-coordinator'], ['LAO', 'KHM']));
    allowed(activate, cambodia, actor(['rco-coordinator'], ['KHM']));
  });

  it('refuses an RCO coordinator of another country, saying who may', () => {
    refused(
      create,
      { status: 'none' },
      actor(['rco-coordinator'], ['MWI']),
      /^Only a platform admin or an RCO coordinator of KHM can/,
    );
    refused(activate, cambodia, actor(['rco-coordinator'], ['MWI']), /RCO coordinator of KHM/);
  });

  it('refuses agency editors, JP managers and viewers, even of the country', () => {
    refused(addPriority, cambodia, actor(['agency-editor'], ['KHM']), /RCO coordinator of KHM/);
    refused(addPriority, cambodia, actor(['jp-manager'], ['KHM']), /RCO coordinator of KHM/);
    refused(create, { status: 'none' }, actor(['viewer']), /RCO coordinator of KHM/);
  });

  it('leaves a command on a framework that does not exist to the decider (NOT_FOUND)', () =>
    allowed(addPriority, { status: 'none' }, actor(['viewer'])));
});
