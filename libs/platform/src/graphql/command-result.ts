import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import type { CommandMeta } from '@concord/eventing';
import { IsInt, IsOptional, IsString, Matches, Min } from 'class-validator';
import { actorOf, type RequestContext } from './request-context';

/** What every mutation answers: the stream written and its version after the write. */
@ObjectType()
export class CommandResult {
  @Field(() => ID) id!: string;
  @Field(() => Int, { description: 'Version of the stream after this command; pass it as expectedVersion next time' })
  version!: number;
  @Field({ description: 'True when this commandId had been handled before: nothing new was written' })
  replayed!: boolean;
  @Field(() => [ID]) eventIds!: string[];
}

export const toCommandResult = (r: {
  streamId: string;
  version: number;
  replayed: boolean;
  eventIds: string[];
}): CommandResult => ({
  id: r.streamId,
  version: r.version,
  replayed: r.replayed,
  eventIds: r.eventIds,
});

/** The command metadata of a mutation: its actor (sign-in required), correlation, retry and version. */
export const commandMetaOf = (ctx: RequestContext, input: CommandInput): CommandMeta => ({
  actor: actorOf(ctx),
  correlationId: ctx.correlationId,
  commandId: input.commandId,
  expectedVersion: input.expectedVersion,
});

/** Fields every mutation input carries: retry-safety and optimistic concurrency. */
@InputType({ isAbstract: true })
export abstract class CommandInput {
  @Field({ nullable: true, description: 'Client-chosen id; retrying with the same id never writes twice' })
  @IsOptional()
  @IsString()
  @Matches(/^[\w.:-]{8,100}$/, { message: 'commandId must be 8–100 letters, digits or . _ : -' })
  commandId?: string;

  @Field(() => Int, { nullable: true, description: 'The version you last read; a stale one is a CONFLICT' })
  @IsOptional()
  @IsInt()
  @Min(0)
  expectedVersion?: number;
}
