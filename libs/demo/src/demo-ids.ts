import { nameBasedId } from '@concord/kernel';

/** The demo's stream and command ids: name-based on `concord-demo:<kind>:<key>`, so a second load appends nothing. */
export const demoId = (kind: string, key: string): string => nameBasedId(`concord-demo:${kind}:${key}`);
