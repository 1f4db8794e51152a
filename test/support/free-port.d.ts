/** Two consecutive free loopback ports from `preferred` on: returns the first. */
export function freePortPair(preferred: number): Promise<number>;
