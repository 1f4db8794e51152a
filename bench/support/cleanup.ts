/** A stack of undo steps: each is run once, newest first, and a failing step does not stop the others. */
export class Cleanup {
  private readonly steps: { label: string; undo: () => unknown }[] = [];
  private running?: Promise<void>;

  constructor(private readonly log: (message: string) => void) {}

  add(label: string, undo: () => unknown): void {
    this.steps.push({ label, undo });
  }

  /** Runs `undo` now (if it is still pending) instead of at the end. */
  async runOne(label: string): Promise<void> {
    const index = this.steps.findLastIndex((s) => s.label === label);
    if (index < 0) return;
    const [step] = this.steps.splice(index, 1);
    await this.attempt(step);
  }

  runAll(): Promise<void> {
    this.running ??= (async () => {
      while (this.steps.length) await this.attempt(this.steps.pop()!);
    })();
    return this.running;
  }

  private async attempt(step: { label: string; undo: () => unknown }): Promise<void> {
    try {
      await withTimeout(Promise.resolve(step.undo()), 30_000, step.label);
    } catch (error) {
      this.log(`cleanup: ${step.label} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
