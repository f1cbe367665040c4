// StrykerJS for one module of scripts/mutation-modules.js at a time
// (COPYDESK_MUTATE_MODULE=<name>); run them all with `npm run mutate`.
import {floor, modules, mutateList} from './scripts/mutation-modules.js'

const name = process.env.COPYDESK_MUTATE_MODULE
const module = modules.find((item) => item.name === name)
if (!module) {
  throw new Error(`stryker.config.mjs: set COPYDESK_MUTATE_MODULE to one of ${modules.map((item) => item.name).join(', ')} (or use npm run mutate)`)
}

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: {configFile: 'vitest.mutate.config.ts', related: false},
  mutate: mutateList(module),
  // Only the test files that cover the module (vitest.mutate.config.ts), and of
  // those only the tests that reach each mutant.
  coverageAnalysis: 'perTest',
  // Two cores, shared: one test runner.
  concurrency: 1,
  // A module may skip the full rerun of its static mutants (code run while the
  // test files load, or in beforeAll: each would rerun every test file, and one
  // that stops a file loading counts as survived, stryker-js issue 6213). Those
  // the tests also reach are then tested with those tests only (Stryker 9.6
  // left none of the server's out). Only the server's, whose servers start
  // and warm up in beforeAll.
  ignoreStatic: module.ignoreStatic === true,
  incremental: true,
  incrementalFile: `reports/mutation/${module.name}.incremental.json`,
  thresholds: {high: 95, low: floor, break: floor},
  reporters: ['clear-text', 'progress-append-only', 'json'],
  jsonReporter: {fileName: `reports/mutation/${module.name}.json`},
  clearTextReporter: {allowColor: false, logTests: false, reportScoreTable: true},
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  // Tests start servers and worker threads; a mutant that makes them hang is a timeout (killed).
  timeoutMS: 20000,
  timeoutFactor: 2
}
