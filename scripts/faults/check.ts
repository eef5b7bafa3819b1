/** Collects named checks; the run fails if any fails. Prints "N passed, N failed" at the end. */
export class Checks {
  private passed = 0;
  private failed: string[] = [];

  check(name: string, ok: boolean, detail = ''): void {
    if (ok) this.passed++;
    else this.failed.push(`${name}${detail ? `: ${detail}` : ''}`);
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? ` (${detail})` : ''}`);
  }

  finish(): number {
    for (const f of this.failed) console.log(`failed: ${f}`);
    console.log(`faults: ${this.passed} passed, ${this.failed.length} failed`);
    return this.failed.length === 0 ? 0 : 1;
  }
}
