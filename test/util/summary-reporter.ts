/**
 * Print one plain closing line, `N passed, N failed` (and `, N skipped`),
 * after vitest's own summary, so CI logs and scripts that read a run's last
 * line see the outcome in a form any runner uses.
 */
import type {Reporter, SerializedError, TestModule} from 'vitest/node'

export default class SummaryReporter implements Reporter {
  private line = ''

  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError> = []): void {
    let passed = 0
    // An error outside any test (an unhandled rejection) fails the run too.
    let failed = unhandledErrors.length
    let skipped = 0
    for (const module of testModules) {
      let failedHere = 0
      for (const test of module.children.allTests()) {
        const state = test.result().state
        if (state === 'passed') passed++
        else if (state === 'failed') failedHere++
        else skipped++
      }
      // A file that failed with no failed test (a `beforeAll`/`afterAll` hook
      // or an import that threw) counts as one failure, so the line never
      // says "0 failed" for a run that failed.
      failed += failedHere > 0 || module.ok() ? failedHere : 1
    }
    this.line = `${passed} passed, ${failed} failed` + (skipped > 0 ? `, ${skipped} skipped` : '')
  }

  // The default reporter prints its summary at the end of the run: print after it.
  onFinished(): void {
    if (this.line) process.stdout.write(this.line + '\n')
  }
}
