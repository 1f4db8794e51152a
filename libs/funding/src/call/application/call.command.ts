import type { CommandMeta } from '@concord/eventing';
import type { CallCommand } from '../domain/call.commands';

type Announce = Extract<CallCommand, { type: 'AnnounceCall' }>;

/**
 * What callers ask of a call: the domain commands, except that an announcement names its fund
 * by id only; the handler looks the fund up before the decider sees it.
 */
export type CallRequest =
  Exclude<CallCommand, Announce> | { type: 'AnnounceCall'; data: Omit<Announce['data'], 'fund'> };

/** The command-bus message for any call command. */
export class ExecuteCallCommand {
  constructor(
    readonly callId: string,
    readonly request: CallRequest,
    readonly meta: CommandMeta,
  ) {}
}
