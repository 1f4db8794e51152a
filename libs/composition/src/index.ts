import { directoryContext } from '@concord/directory';
import type { BoundedContext } from '@concord/platform';
import { programmingContext } from '@concord/programming';

/** The bounded contexts every Concord process runs, in dependency order. */
export const CONTEXTS: BoundedContext[] = [directoryContext, programmingContext];
