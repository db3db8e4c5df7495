/**
 * Jest global setup of the node project: builds the workbench's components bundle once, before the workers start,
 * so that the browser tests running side by side share the cached bundle instead of each building it at the same
 * time. It runs the build in its own `tsx` process (jest loads this file outside its module system, where the
 * bundle's TypeScript imports would not resolve). Components not built yet (`npm run build`) are left for the
 * browser tests to report.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

export default function buildWorkbenchBundle(): void {
  const container = path.join(
    ROOT,
    'force-app',
    'main',
    'default',
    'lwc',
    'pipelineHealth',
    'pipelineHealth.js'
  );
  if (!fs.existsSync(container)) {
    return;
  }
  const build = spawnSync(process.execPath, ['--import', 'tsx', path.join(__dirname, 'build-bundle.ts')], {
    cwd: ROOT,
    stdio: 'inherit'
  });
  if (build.status !== 0) {
    throw new Error(`building the workbench bundle failed (exit code ${build.status})`);
  }
}
