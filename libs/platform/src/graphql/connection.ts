import type { Type } from '@nestjs/common';
import { Field, Int, ObjectType, type FieldMiddleware } from '@nestjs/graphql';

@ObjectType()
export class PageInfo {
  @Field() hasNextPage!: boolean;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

/**
 * One page of a list, as query services return it. The count is a function, run only when a
 * request selects `totalCount` (countOnRequest), so a client that pages without it costs no COUNT.
 */
export interface Page<T> {
  nodes: { cursor: string; node: T }[];
  hasNextPage: boolean;
  totalCount: () => Promise<number>;
}

export interface ConnectionShape<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  totalCount: () => Promise<number>;
}

/** Field middleware of `totalCount`: the field resolves only when selected, and only then counts. */
const countOnRequest: FieldMiddleware = async (_context, next) => {
  const count = (await next()) as () => Promise<number>;
  return count();
};

/** A Relay connection type for `node` named `<name>Connection` with `<name>Edge` edges. */
export function Connection<T>(node: Type<T>, name: string): Type<ConnectionShape<T>> {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field() cursor!: string;
    @Field(() => node) node!: T;
  }

  @ObjectType(`${name}Connection`)
  class ConnectionType {
    @Field(() => [Edge]) edges!: Edge[];
    @Field(() => PageInfo) pageInfo!: PageInfo;
    @Field(() => Int, { description: 'Matches for the filter, across all pages', middleware: [countOnRequest] })
    totalCount!: () => Promise<number>;
  }
  return ConnectionType;
}

export function toConnection<T>(page: Page<T>): ConnectionShape<T> {
  return {
    edges: page.nodes,
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.nodes.at(-1)?.cursor ?? null },
    totalCount: page.totalCount,
  };
}
