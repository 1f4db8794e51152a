import type { PreparedProfile } from './pair-signals';

/**
 * Blocking (ARCHITECTURE §7): only activities in the same country, sharing a function, floor
 * guarantee or policy area, whose periods overlap, are compared. Within each (country, code)
 * block a sweep over start dates pairs each activity with those starting before it ends, so the
 * work grows with the pairs that overlap in time, not with the square of the data.
 */
export function candidatePairs(profiles: readonly PreparedProfile[]): [PreparedProfile, PreparedProfile][] {
  const blocks = new Map<string, PreparedProfile[]>();
  for (const p of profiles) {
    const { country, functions, guarantees, policyAreas } = p.profile;
    for (const code of new Set([...functions, ...guarantees, ...policyAreas])) {
      const key = `${country}\u001f${code}`;
      const block = blocks.get(key) ?? [];
      block.push(p);
      blocks.set(key, block);
    }
  }
  const seen = new Set<string>();
  const pairs: [PreparedProfile, PreparedProfile][] = [];
  for (const block of blocks.values()) {
    block.sort((x, y) => x.startDay - y.startDay);
    for (let i = 0; i < block.length; i++) {
      for (let j = i + 1; j < block.length && block[j].startDay <= block[i].endDay; j++) {
        const [a, b] = block[i].profile.id < block[j].profile.id ? [block[i], block[j]] : [block[j], block[i]];
        const key = `${a.profile.id}\u001f${b.profile.id}`;
        if (seen.has(key)) continue;
        seen.add(key);
        pairs.push([a, b]);
      }
    }
  }
  return pairs;
}
