// `npm test`: type-checks, lint, build, unit and renderer tests (vitest), end-to-end tests (Playwright),
// then one closing line with the counts over all of them.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const resultsDir = 'test-results';
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });
const bin = (name) => join('node_modules', '.bin', name);
const totals = { passed: 0, failed: 0, skipped: 0 };

function run(label, command, args) {
  console.log(`\n━━ ${label}: ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  return result.status === 0;
}

function check(label, command, args) {
  const ok = run(label, command, args);
  totals[ok ? 'passed' : 'failed']++;
  if (!ok) console.log(`✗ ${label} failed`);
}

function countVitest(file) {
  if (!existsSync(file)) return false;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests;
  totals.skipped += report.numPendingTests + (report.numTodoTests ?? 0);
  return true;
}

function countPlaywright(file) {
  if (!existsSync(file)) return false;
  const { stats } = JSON.parse(readFileSync(file, 'utf8'));
  totals.passed += stats.expected + (stats.flaky ?? 0);
  totals.failed += stats.unexpected;
  totals.skipped += stats.skipped;
  return true;
}

check('type-check (node)', bin('tsc'), ['--noEmit', '-p', 'tsconfig.node.json']);
check('type-check (end-to-end tests)', bin('tsc'), ['--noEmit', '-p', 'tsconfig.e2e.json']);
check('type-check (web)', bin('vue-tsc'), ['--noEmit', '-p', 'tsconfig.web.json']);
check('type-check (renderer tests)', bin('vue-tsc'), ['--noEmit', '-p', 'tsconfig.renderer-tests.json']);
check('lint', bin('eslint'), ['--max-warnings', '0', '.']);
check('build', process.execPath, [join('node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build']);

const vitestOk = run('unit and renderer tests', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${resultsDir}/vitest.json`]);
if (!countVitest(`${resultsDir}/vitest.json`) || (!vitestOk && totals.failed === 0)) totals.failed++;

const failedBefore = totals.failed;
const e2eOk = run('end-to-end tests', bin('playwright'), ['test']);
if (!countPlaywright(`${resultsDir}/e2e.json`) || (!e2eOk && totals.failed === failedBefore)) totals.failed++;

console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed ? 1 : 0);
