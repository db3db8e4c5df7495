/**
 * `npm start`: builds the package, starts the local org (`npm run local-org`) and, on its first start, seeds it
 * with demo data (`npm run seed`), then keeps the org running until Ctrl-C. The workbench's pages, which render
 * the package's real components against this org, arrive with the pipeline-health panels; until then this gives a
 * newcomer a populated org to query and script against.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { build } from '../tools/build/build';
import { formatFinding } from '../tools/lib/findings';
import { projectRoot } from '../tools/lib/files';

interface Credentials {
  instanceUrl: string;
  accessToken: string;
  apiVersion: string;
}

const root = projectRoot(__dirname);
const READY = /^Local org ready at (\S+)/m;

/** The script's own process (not `npm run`, whose shell layers would not pass a SIGINT on). */
function run(script: string, nodeOptions: string[], options: { pipe: boolean }): ChildProcess {
  return spawn(process.execPath, [...nodeOptions, '--import', 'tsx', script], {
    cwd: root,
    stdio: ['ignore', options.pipe ? 'pipe' : 'inherit', 'inherit']
  });
}

/** Resolves once the local org says it listens; rejects if it exits first (a busy port, a broken database…). */
function startLocalOrg(): Promise<ChildProcess> {
  const org = run('local-org/src/cli.ts', [], { pipe: true });
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

async function seededRecords(credentials: Credentials): Promise<number> {
  const soql = "SELECT COUNT() FROM Account WHERE External_Id__c LIKE 'seed:%'";
  const url = `${credentials.instanceUrl}/services/data/v${credentials.apiVersion}/query?q=${encodeURIComponent(soql)}`;
  const response = await fetch(url, { headers: { Authorization: `Bearer ${credentials.accessToken}` } });
  if (!response.ok) {
    throw new Error(`the local org answered ${response.status} to ${soql}`);
  }
  return ((await response.json()) as { totalSize: number }).totalSize;
}

function waitFor(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
}

async function main(): Promise<number> {
  const built = await build(root);
  for (const finding of built.findings) {
    console.error(formatFinding(finding, root));
  }
  if (built.findings.length > 0) {
    console.error('npm start: the build failed; fix the errors above and start again.');
    return 1;
  }
  console.log(`Built ${built.emitted.length} component files.`);

  const org = await startLocalOrg();
  const stop = (): void => {
    org.kill('SIGINT');
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  const credentials = JSON.parse(
    fs.readFileSync(path.join(root, '.atlas', 'local-org.json'), 'utf8')
  ) as Credentials;
  if ((await seededRecords(credentials)) === 0) {
    console.log('First start: seeding demo data (npm run seed)…');
    const seeded = await waitFor(run('scripts/seed/cli.ts', ['--expose-gc'], { pipe: false }));
    if (seeded !== 0) {
      console.error(
        `npm start: seeding stopped with exit code ${seeded}; the org keeps running with what loaded.`
      );
    }
  }
  console.log(
    `\nAccount Atlas local org with demo data: ${credentials.instanceUrl} (credentials in .atlas/local-org.json).` +
      '\nThe workbench pages arrive with the pipeline-health panels; query and script against the org meanwhile' +
      ' (see local-org/README.md). Ctrl-C stops it.'
  );
  return waitFor(org);
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
