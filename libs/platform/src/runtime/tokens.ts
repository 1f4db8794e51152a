/** Injection token of the process's Runtime (runtime.ts). */
export const RUNTIME = Symbol('Runtime');
