import { nameBasedId } from '@concord/kernel';

/** Imported streams' ids: name-based on `concord-import:<kind>:<key>`, the same in any store. */
export const importId = (kind: string, key: string): string => nameBasedId(`concord-import:${kind}:${key}`);
