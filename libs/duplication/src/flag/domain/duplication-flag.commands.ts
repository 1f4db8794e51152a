import type { Dismissal, Finding, FlagSubject, Resolution } from './duplication-flag.events';

/**
 * Everything one can ask of a flag. `Detect` comes from the detector (streaming or scan) with its
 * current finding, or `null` when it no longer finds the subjects alike; the rest come from
 * coordinators, and comments from the agencies involved.
 */
export type DuplicationFlagCommand =
  | {
      type: 'Detect';
      data: { subjects: FlagSubject[]; country: string; organisations: string[]; finding: Finding | null };
    }
  | { type: 'ConfirmFlag'; data: { note?: string } }
  | { type: 'DismissFlag'; data: { as: Dismissal; reason: string } }
  | { type: 'ResolveFlag'; data: { as: Resolution; note?: string } }
  | { type: 'ReopenFlag'; data: { reason: string } }
  | { type: 'CommentOnFlag'; data: { text: string } };
