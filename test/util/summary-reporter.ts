/**
 * Print one plain closing line, `N passed, N failed` (and `, N skipped`),
 * after vitest's own summary, so CI logs and scripts that read a run's last
 * line see the outcome in a form any runner uses.
 */
import type {Reporter, TestModule} from 'vitest/node'

export default class SummaryReporter implements Reporter {
  private line = ''

  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    let passed = 0
    let failed = 0
    let skipped = 0
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state
        if (state === 'passed') passed++
        else if (state === 'failed') failed++
        else skipped++
      }
    }
    this.line = `${passed} passed, ${failed} failed` + (skipped > 0 ? `, ${skipped} skipped` : '')
  }

  // The default reporter prints its summary at the end of the run: print after it.
  onFinished(): void {
    if (this.line) process.stdout.write(this.line + '\n')
  }
}
