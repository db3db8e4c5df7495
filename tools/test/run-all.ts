import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** One step of `npm test`: an npm script, counted as one check unless it reports its own tests. */
export interface Step {
  name: string;
  command: string;
  args: string[];
  /** Reads a step's own test counts (jest's JSON report); steps without it count as one check. */
  counts?: (ok: boolean) => { passed: number; failed: number };
}

export interface StepResult {
  name: string;
  ok: boolean;
  seconds: number;
  passed: number;
  failed: number;
}

interface JestReport {
  numPassedTests: number;
  numFailedTests: number;
  numRuntimeErrorTestSuites: number;
  success: boolean;
}

/**
 * Jest's tests count one each; a failed run whose tests all passed failed the coverage threshold (or a suite
 * could not load), which counts as one more failure.
 */
export function jestCounts(reportFile: string, ok: boolean): { passed: number; failed: number } {
  if (!fs.existsSync(reportFile)) {
    return { passed: 0, failed: 1 };
  }
  const report = JSON.parse(fs.readFileSync(reportFile, 'utf8')) as JestReport;
  const failed = report.numFailedTests + report.numRuntimeErrorTestSuites;
  return { passed: report.numPassedTests, failed: failed + (!ok && failed === 0 ? 1 : 0) };
}

export function defaultSteps(root: string): Step[] {
  const jestReport = path.join(root, 'reports', 'jest.json');
  const npm = (script: string): Pick<Step, 'command' | 'args'> => ({
    command: 'npm',
    args: ['run', '--silent', script]
  });
  return [
    { name: 'typecheck', ...npm('typecheck') },
    { name: 'lint', ...npm('lint') },
    { name: 'build', ...npm('build') },
    { name: 'check:apex', ...npm('check:apex') },
    { name: 'check:metadata', ...npm('check:metadata') },
    {
      // Two workers even on two cores: jest's default (cores − 1) leaves one core idle while the other waits on
      // the local orgs, Chromium and Java that the slow suites drive; two cut the run by about 40% here.
      name: 'jest',
      command: 'npx',
      args: ['jest', '--coverage', '--ci', '--maxWorkers=2', '--json', `--outputFile=${jestReport}`],
      counts: (ok) => jestCounts(jestReport, ok)
    }
  ];
}

function runStep(step: Step, root: string): Promise<StepResult> {
  const started = Date.now();
  console.log(`\n▶ ${step.name}`);
  return new Promise((resolve) => {
    const child = spawn(step.command, step.args, { cwd: root, stdio: 'inherit' });
    child.on('close', (code) => {
      const ok = code === 0;
      const counts = step.counts ? step.counts(ok) : { passed: ok ? 1 : 0, failed: ok ? 0 : 1 };
      resolve({ name: step.name, ok, seconds: (Date.now() - started) / 1000, ...counts });
    });
  });
}

/** Runs every step, even after a failure, so one run shows every problem; then prints the summary. */
export async function runAll(root: string, steps: Step[] = defaultSteps(root)): Promise<StepResult[]> {
  fs.mkdirSync(path.join(root, 'reports'), { recursive: true });
  const results: StepResult[] = [];
  for (const step of steps) {
    results.push(await runStep(step, root));
  }
  console.log(`\n${summarize(results)}`);
  return results;
}

export function summarize(results: StepResult[]): string {
  const lines = results.map(
    (result) =>
      `  ${result.ok ? 'ok  ' : 'FAIL'}  ${result.name.padEnd(16)} ${result.seconds.toFixed(1).padStart(6)} s` +
      `  (${result.passed} passed, ${result.failed} failed)`
  );
  const passed = results.reduce((sum, result) => sum + result.passed, 0);
  const failed = results.reduce((sum, result) => sum + result.failed, 0);
  const seconds = results.reduce((sum, result) => sum + result.seconds, 0);
  return [...lines, `  total ${seconds.toFixed(1)} s`, `Summary: ${passed} passed, ${failed} failed`].join(
    '\n'
  );
}
