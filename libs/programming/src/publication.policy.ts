import type { Actor } from '@concord/kernel';

/**
 * Who sees what is not published (ARCHITECTURE §8, ADR 0007): a signed-in caller, whatever their
 * role, sees everything; an anonymous caller only published activities and joint programmes and
 * ACTIVE or CLOSED Cooperation Frameworks. The query services decide it, never the resolvers.
 */
export const seesUnpublished = (viewer: Actor | undefined): boolean => viewer !== undefined;
