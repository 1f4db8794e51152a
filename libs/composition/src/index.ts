import { directoryContext } from '@concord/directory';
import { duplicationContext } from '@concord/duplication';
import type { BoundedContext } from '@concord/platform';
import { fundingContext } from '@concord/funding';
import { mappingContext } from '@concord/mapping';
import { programmingContext } from '@concord/programming';
import { referenceContext } from '@concord/reference/context';

/** The bounded contexts every Concord process runs, in dependency order. */
export const CONTEXTS: BoundedContext[] = [
  referenceContext,
  directoryContext,
  programmingContext,
  fundingContext,
  duplicationContext,
  mappingContext,
];
