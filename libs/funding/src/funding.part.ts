import type { BoundedContext } from '@concord/platform';

/** What one aggregate folder adds to the funding context: its tables and migrations as lists. */
export type FundingPart = Omit<BoundedContext, 'name' | 'entities' | 'migrations'> & {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: Function[];
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: Function[];
};
