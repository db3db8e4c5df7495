/**
 * `npm start`: builds the package, starts the local org (`npm run local-org`) and, on its first start, seeds it
 * with demo data (`npm run seed`), bundles the components for the browser (cached in `.atlas/workbench/`), then
 * serves the workbench: Home, Account and Opportunity pages that render the package's real components against the
 * local org. Ctrl-C stops the workbench and the org cleanly.
 *
 *   ATLAS_PORT  the workbench's port on 127.0.0.1 (default 6260); the local org listens on the next port
 *   ATLAS_USER  the user to sign in as (default: the active user owning the most open opportunities)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { build } from '../tools/build/build';
import { formatFinding } from '../tools/lib/findings';
import { projectRoot } from '../tools/lib/files';
import { clientBundle } from './server/bundle';
import { DEFAULT_WORKBENCH_PORT, type OrgCredentials, startWorkbench, type Workbench } from './server/server';

const root = projectRoot(__dirname);
const READY = /^Local org ready at (\S+)/m;

function portFromEnv(text: string | undefined): number {
  if (text === undefined || text.trim() === '') {
    return DEFAULT_WORKBENCH_PORT;
  }
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65534) {
    throw new Error(`ATLAS_PORT must be a port number between 0 and 65534, not "${text}"`);
  }
  return port;
}

/** The script's own process (not `npm run`, whose shell layers would not pass a signal on). */
function run(
  script: string,
  nodeOptions: string[],
  options: { pipe: boolean; env?: NodeJS.ProcessEnv }
): ChildProcess {
  return spawn(process.execPath, [...nodeOptions, '--import', 'tsx', script], {
    cwd: root,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', options.pipe ? 'pipe' : 'inherit', 'inherit'],
    // In its own process group, the org hears Ctrl-C once, from here, and closes its database cleanly.
    detached: options.pipe
  });
}

/** Resolves once the local org says it listens; rejects if it exits first (a busy port, a broken database…). */
function startLocalOrg(port: number): Promise<ChildProcess> {
  const org = run('local-org/src/cli.ts', [], { pipe: true, env: { ATLAS_PORT: String(port) } });
  return new Promise((resolve, reject) => {
    let output = '';
    org.stdout?.on('data', (chunk: Buffer) => {
      process.stdout.write(chunk);
      output += chunk.toString();
      if (READY.test(output)) {
        resolve(org);
      }
    });
    org.on('exit', (code) =>
      reject(new Error(`the local org stopped before it was ready (exit code ${code})`))
    );
  });
}

async function seededRecords(credentials: OrgCredentials): Promise<number> {
  const soql = "SELECT COUNT() FROM Account WHERE External_Id__c LIKE 'seed:%'";
  const url = `${credentials.instanceUrl}/services/data/v${credentials.apiVersion}/query?q=${encodeURIComponent(soql)}`;
  const response = await fetch(url, { headers: { Authorization: `Bearer ${credentials.accessToken}` } });
  if (!response.ok) {
    throw new Error(`the local org answered ${response.status} to ${soql}`);
  }
  return ((await response.json()) as { totalSize: number }).totalSize;
}

function waitFor(child: ChildProcess): Promise<number> {
  if (child.exitCode !== null) {
    return Promise.resolve(child.exitCode);
  }
  return new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
}

/**
 * Seeds the org on its first start, bundles the components and starts the workbench on `port`; null when asked to
 * stop on the way.
 */
async function serve(
  port: number,
  credentials: OrgCredentials,
  stopping: () => boolean
): Promise<Workbench | null> {
  if ((await seededRecords(credentials)) === 0) {
    console.log('First start: seeding demo data (npm run seed)…');
    const seeded = await waitFor(run('scripts/seed/cli.ts', ['--expose-gc'], { pipe: false }));
    if (seeded !== 0) {
      console.error(
        `npm start: seeding stopped with exit code ${seeded}; the org keeps running with what loaded.`
      );
    }
  }
  if (stopping()) {
    return null;
  }
  const bundle = await clientBundle({ projectRoot: root });
  const size = `${(bundle.bytes / 1_048_576).toFixed(1)} MB`;
  const own = bundle.warnings.filter((warning) => !warning.includes('node_modules/'));
  for (const warning of own) {
    console.warn(`bundle: ${warning}`);
  }
  console.log(
    bundle.buildMs === null
      ? `Components bundle up to date (${size}, ${path.relative(root, bundle.file)}).`
      : `Bundled the components for the browser in ${(bundle.buildMs / 1000).toFixed(1)} s (${size}, ` +
          `${bundle.warnings.length - own.length} warnings from lightning-base-components).`
  );
  return startWorkbench({
    projectRoot: root,
    org: credentials,
    port,
    userId: process.env.ATLAS_USER,
    bundle
  });
}

async function main(): Promise<number> {
  const port = portFromEnv(process.env.ATLAS_PORT);
  const built = await build(root);
  for (const finding of built.findings) {
    console.error(formatFinding(finding, root));
  }
  if (built.findings.length > 0) {
    console.error('npm start: the build failed; fix the errors above and start again.');
    return 1;
  }
  console.log(`Built ${built.emitted.length} component files.`);

  const org = await startLocalOrg(port === 0 ? 0 : port + 1);
  let workbench: Workbench | undefined;
  let stopping = false;
  const stop = (): void => {
    if (!stopping) {
      stopping = true;
      console.log('\nStopping the workbench and the local org…');
      void (workbench?.close() ?? Promise.resolve()).finally(() => org.kill('SIGINT'));
    }
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, stop);
  }
  const credentials = JSON.parse(
    fs.readFileSync(path.join(root, '.atlas', 'local-org.json'), 'utf8')
  ) as OrgCredentials;
  try {
    workbench = (await serve(port, credentials, () => stopping)) ?? undefined;
  } catch (error) {
    if (stopping) {
      return waitFor(org);
    }
    stop();
    await waitFor(org);
    throw error;
  }
  if (workbench === undefined || stopping) {
    await workbench?.close();
    return waitFor(org);
  }
  console.log(
    `Signed in as ${workbench.user.name} (${workbench.user.id}), ${workbench.user.reason}; ATLAS_USER=<user id> ` +
      'picks another user.'
  );
  console.log(`Local org: ${credentials.instanceUrl} (credentials in .atlas/local-org.json).`);
  console.log(`\nWorkbench ready at ${workbench.url}/\nCtrl-C stops it.`);
  const code = await waitFor(org);
  if (!stopping) {
    console.error(`npm start: the local org stopped (exit code ${code}); stopping the workbench.`);
    await workbench.close();
    return code === 0 ? 1 : code;
  }
  return code;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`npm start: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
);
