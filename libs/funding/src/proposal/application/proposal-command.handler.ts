import { CommandRunner, EventStore, type AppendResult } from '@concord/eventing';
import { ConcordError, fold } from '@concord/kernel';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { PROPOSAL_STREAM, proposalAggregate } from '../domain/proposal.aggregate';
import type { CallFacts, ProposalCommand } from '../domain/proposal.commands';
import { proposalDecider, type ProposalState } from '../domain/proposal.decider';
import type { ProposalEvent } from '../domain/proposal.events';
import { REFERENCE_ID } from '../domain/proposal.rules';
import { CallFactsReader } from './call-facts';
import { ExecuteProposalCommand } from './proposal.command';
import { authorizeProposalCommand, isDecision, type ProposalPolicyFacts } from './proposal.policy';

/** Commands whose facts depend on the call the proposal answers now, so on its current state. */
const READS_CURRENT_CALL: ProposalCommand['type'][] = ['ReviseProposal', 'SubmitProposal'];

@CommandHandler(ExecuteProposalCommand)
export class ProposalCommandHandler implements ICommandHandler<ExecuteProposalCommand, AppendResult> {
  constructor(
    private readonly commands: CommandRunner,
    private readonly store: EventStore,
    private readonly calls: CallFactsReader,
  ) {}

  async execute({ proposalId, command, meta }: ExecuteProposalCommand): Promise<AppendResult> {
    if (command.type === 'DraftProposal' && !REFERENCE_ID.test(proposalId)) {
      throw ConcordError.badInput('INVALID_ID', {
        path: 'id',
        value: proposalId,
        message: 'must be a UUID or 1–80 letters, digits or . _ : -',
      });
    }
    const needsState = READS_CURRENT_CALL.includes(command.type) || isDecision(command.type);
    const current = needsState ? await this.currentState(proposalId) : undefined;
    const withFacts = await this.withCallFacts(command, current);
    const facts: ProposalPolicyFacts = isDecision(command.type)
      ? { fundManager: await this.fundManagerOf(current) }
      : {};
    return this.commands.run(proposalAggregate, {
      streamId: proposalId,
      command: withFacts,
      ...meta,
      authorize: (state, actor) => authorizeProposalCommand(withFacts, state, actor, facts),
    });
  }

  /** The proposal as its events say, to know which call it answers; none for another stream type. */
  private async currentState(proposalId: string): Promise<ProposalState> {
    const history = await this.store.readStream<ProposalEvent['data']>(proposalId);
    if (!history.length || history[0].streamType !== PROPOSAL_STREAM) return proposalDecider.initialState;
    return fold(
      proposalDecider,
      history.map((e) => ({ type: e.type, data: e.data }) as ProposalEvent),
    );
  }

  /**
   * The command with the call it answers as the calls' read model has it, never as a caller gave
   * it: for a draft the call it names; for a revision the call it names, else the current one; for
   * a submission the current one (its deadline and eligibility are checked again).
   */
  private async withCallFacts(command: ProposalCommand, current: ProposalState | undefined): Promise<ProposalCommand> {
    const currentCall = current && current.status !== 'none' ? current.details.callId : null;
    switch (command.type) {
      case 'DraftProposal':
        return { ...command, data: { ...command.data, call: await this.callFacts(command.data.callId) } };
      case 'ReviseProposal': {
        const callId = command.data.callId !== undefined ? command.data.callId : currentCall;
        return { ...command, data: { ...command.data, call: await this.callFacts(callId) } };
      }
      case 'SubmitProposal':
        return { ...command, data: { call: await this.callFacts(currentCall) } };
      default:
        return command;
    }
  }

  /** Undefined when there is no call to look up; a malformed id is left for the decider to refuse. */
  private async callFacts(callId: string | null | undefined): Promise<CallFacts | null | undefined> {
    if (!callId || !REFERENCE_ID.test(callId)) return undefined;
    return this.calls.call(callId);
  }

  /** For decisions on a call proposal: the organisation that manages the call's fund. */
  private async fundManagerOf(current: ProposalState | undefined): Promise<string | null> {
    if (!current || current.status === 'none' || current.details.callId === null) return null;
    const call = await this.calls.call(current.details.callId);
    return call ? this.calls.fundManager(call.fundCode) : null;
  }
}
