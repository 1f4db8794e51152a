/** A division of labour recorded in a country's coordination body: who does which part of a topic. */
export interface DivisionOfLabour {
  country: string;
  organisations: string[];
}

/**
 * Whether a body in the country divided labour between two organisations: agencies that agreed
 * who does what are complementary, not overlapping (document 004, cases P1 and P3).
 */
export function dividedLabourAmong(divisions: readonly DivisionOfLabour[]) {
  const agreed = new Set<string>();
  for (const { country, organisations } of divisions)
    for (const a of organisations)
      for (const b of organisations) if (a !== b) agreed.add(`${country}\u001f${a}\u001f${b}`);
  return (country: string, a: string, b: string) => agreed.has(`${country}\u001f${a}\u001f${b}`);
}
