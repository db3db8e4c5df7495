/** Child processes for benchmarks and end-to-end tests: a local org of its own, and TypeScript scripts run by tsx. */
import { spawn, type ChildProcess } from 'node:child_process';
import { projectRoot } from '../lib/files';

export interface LocalOrgCredentials {
  instanceUrl: string;
  accessToken: string;
  apiVersion: string;
}

export interface OrgProcess {
  credentials: LocalOrgCredentials;
  child: ChildProcess;
  /** API calls the org has answered so far (`GET /services/admin/stats`). */
  calls(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * `node --expose-gc --import tsx <script> …args`: a TypeScript script in a fresh Node process, as the npm scripts
 * run them (`--expose-gc` lets a long load release memory between objects).
 */
export function tsxCommand(script: string, args: string[] = []): { command: string; args: string[] } {
  return { command: process.execPath, args: ['--expose-gc', '--import', 'tsx', script, ...args] };
}

export interface OrgProcessOptions {
  /** Omitted: an in-memory database. */
  dataDir?: string;
  /** Where the org writes its credentials file (a seed finds it in `$ATLAS_STATE_DIR/local-org.json`). */
  credentialsFile?: string;
  faults?: Record<string, number>;
}

export async function startOrgProcess(options: OrgProcessOptions = {}): Promise<OrgProcess> {
  const { command, args } = tsxCommand('tools/bench/local-org-process.ts');
  const child = spawn(command, args, {
    cwd: projectRoot(),
    env: {
      ...process.env,
      ATLAS_PORT: '0',
      ATLAS_DATA_DIR: options.dataDir ?? '',
      ATLAS_CREDENTIALS: options.credentialsFile ?? '',
      ATLAS_FAULTS: options.faults ? JSON.stringify(options.faults) : ''
    },
    stdio: ['ignore', 'pipe', 'pipe']
  });
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const credentials = await new Promise<LocalOrgCredentials>((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const line = /^ready (.*)$/m.exec(output);
      if (line?.[1] !== undefined) {
        resolve(JSON.parse(line[1]) as LocalOrgCredentials);
      }
    });
    child.once('exit', (code) =>
      reject(new Error(`The local org process exited (${code}) before it was ready: ${errors}`))
    );
  });
  const calls = async (): Promise<number> => {
    const response = await fetch(`${credentials.instanceUrl}/services/admin/stats`, {
      headers: { Authorization: `Bearer ${credentials.accessToken}` }
    });
    const stats = (await response.json()) as { total: number };
    return stats.total;
  };
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) {
      return;
    }
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  };
  return { credentials, child, calls, stop };
}

export interface ScriptRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs a TypeScript script to its end; `onStart` gets the child, to watch or kill it. */
export function runScript(
  script: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; onStart?: (child: ChildProcess) => void } = {}
): Promise<ScriptRun> {
  const { command, args: commandArgs } = tsxCommand(script, args);
  const started = Date.now();
  const child = spawn(command, commandArgs, {
    cwd: projectRoot(),
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe']
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  options.onStart?.(child);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) =>
      resolve({ code, signal, stdout, stderr, ms: Date.now() - started })
    );
  });
}
