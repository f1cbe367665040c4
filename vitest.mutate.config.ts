import {defineConfig} from 'vitest/config'
// @ts-expect-error a plain .js script without types
import {modules} from './scripts/mutation-modules.js'

// The config StrykerJS runs (stryker.config.mjs) for one module
// (COPYDESK_MUTATE_MODULE): only the test files that cover it, and without the
// closing-line reporter (a mutant run's "N passed, N failed" is not a test run's).
// The files are chosen here, not with Stryker's `testFiles`: with `testFiles`,
// Stryker 9.6 activates a static mutant (a module-level constant) only after the
// module has loaded, so every static mutant "survives" (stryker-js issue 6144).
const name = process.env.COPYDESK_MUTATE_MODULE
const module = (modules as Array<{name: string; tests: string[]}>).find((item) => item.name === name)
if (!module) throw new Error(`vitest.mutate.config.ts: COPYDESK_MUTATE_MODULE must name a module of scripts/mutation-modules.js, got ${JSON.stringify(name)}`)

export default defineConfig({
  test: {
    include: module.tests,
    testTimeout: 120_000,
    hookTimeout: 60_000,
    globalSetup: ['./test/util/corpus-setup.ts'],
    // No compiled styles from the disk cache (src/house-style/cache.ts): its key hashes the rules
    // engine's text, which Stryker instruments once for every mutant, so a mutant's run would read
    // the style the dry run compiled and never run the mutated `compile` (docs/mutation.md).
    env: {COPYDESK_CACHE: 'off'}
  }
})
