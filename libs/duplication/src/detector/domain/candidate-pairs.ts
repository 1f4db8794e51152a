import { FUNCTIONS, GUARANTEES, POLICY_AREAS } from '@concord/reference';
import type { PreparedProfile } from './pair-signals';

/** Every code activities are blocked on. */
export const BLOCKING_CODES: readonly string[] = [...FUNCTIONS, ...GUARANTEES, ...POLICY_AREAS].map((c) => c.code);

/** What blocking reads of an activity: a prepared profile, or a read-model row with just this. */
export type Blockable = Pick<
  PreparedProfile,
  'functions' | 'guarantees' | 'policyAreas' | 'areas' | 'startDay' | 'endDay'
> & {
  profile: { id: string; country: string };
};

/** The order of every block: by start date, then id, so that the batch and the incremental path agree. */
export const blockOrder = (x: Blockable, y: Blockable) =>
  x.startDay - y.startDay || (x.profile.id < y.profile.id ? -1 : x.profile.id > y.profile.id ? 1 : 0);

/**
 * The codes an activity is blocked on: what it does, for whom and in which policy area. One that
 * gives none (an IATI record, a bare CSV line) could be doing anything: it is in every block of its
 * country, so that the same activity recorded with and without codes still meets itself.
 */
export function blockingCodes(p: Blockable): readonly string[] {
  const codes = new Set([...p.functions, ...p.guarantees, ...p.policyAreas]);
  return codes.size ? [...codes] : BLOCKING_CODES;
}

/**
 * Blocking (ARCHITECTURE §7), a sorted neighbourhood: activities in the same country sharing a
 * function, floor guarantee or policy area form a block, kept in start order; each is compared
 * with the next `window` activities of each of its blocks that start before it ends. The work
 * grows with the activities times the window, not with the square of a crowded country.
 * Each pair is yielded once, the earlier activity first.
 */
export function* candidatePairs(
  profiles: readonly PreparedProfile[],
  window: number,
): Generator<[PreparedProfile, PreparedProfile]> {
  const blocks = new Map<string, PreparedProfile[]>();
  const keysOf = new Map<PreparedProfile, string[]>();
  for (const p of profiles) {
    const keys = blockingCodes(p).map((code) => `${p.profile.country}\u001f${code}`);
    keysOf.set(p, keys);
    for (const key of keys) {
      const block = blocks.get(key) ?? [];
      block.push(p);
      blocks.set(key, block);
    }
  }
  const position = new Map<string, Map<PreparedProfile, number>>();
  for (const [key, block] of blocks) {
    block.sort(blockOrder);
    position.set(key, new Map(block.map((p, i) => [p, i])));
  }
  for (const a of [...profiles].sort(blockOrder)) {
    const partners = new Set<PreparedProfile>();
    for (const key of keysOf.get(a)!) {
      const block = blocks.get(key)!;
      const at = position.get(key)!.get(a)!;
      for (let j = at + 1; j < block.length && j <= at + window && block[j].startDay <= a.endDay; j++)
        partners.add(block[j]);
    }
    for (const b of partners) yield [a, b];
  }
}

/**
 * The activities `subject` is paired with by `candidatePairs` among `others` (its country's
 * activities): in each of its blocks the `window` before it that end after it starts, and the
 * `window` after it that start before it ends. What the incremental path asks.
 */
export function neighboursOf<T extends Blockable>(subject: T, others: readonly T[], window: number): T[] {
  const country = others.filter(
    (o) => o.profile.country === subject.profile.country && o.profile.id !== subject.profile.id,
  );
  const codes = new Map(country.map((o) => [o, new Set(blockingCodes(o))]));
  const found = new Set<T>();
  for (const code of blockingCodes(subject)) {
    const block = [...country.filter((o) => codes.get(o)!.has(code)), subject].sort(blockOrder);
    const at = block.indexOf(subject);
    for (let i = Math.max(0, at - window); i < at; i++) if (block[i].endDay >= subject.startDay) found.add(block[i]);
    for (let j = at + 1; j <= at + window && j < block.length && block[j].startDay <= subject.endDay; j++)
      found.add(block[j]);
  }
  return [...found];
}
