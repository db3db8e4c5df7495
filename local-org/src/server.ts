/**
 * Starts the local org: the project's data model in an embedded database, behind a server that speaks the
 * Salesforce REST API, sObject Collections and Bulk API 2.0 well enough for jsforce to use it unchanged.
 *
 *   const org = await startLocalOrg({ projectRoot, port: 0 });
 *   const conn = new jsforce.Connection({ instanceUrl: org.instanceUrl, accessToken: org.accessToken, version: org.apiVersion });
 *   …
 *   await org.close();
 *
 * It listens on 127.0.0.1 only, and every call needs the access token (random per data folder, kept there).
 */
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { OrgStore } from './contracts';
import { FaultInjector, faultSettingsFromEnv, type FaultCounts, type FaultSettings } from './faults';
import { buildApp } from './http/app';
import { loadOrCreateCredentials } from './http/auth';
import type { OrgContext } from './http/context';
import { CallCounter, type ApiStats } from './http/stats';
import { LATEST_API_VERSION } from './http/versions';

export const DEFAULT_PORT = 6260;
export const HOST = '127.0.0.1';

export interface LocalOrgOptions {
  projectRoot: string;
  /** Where the database (`database/`) and the access token (`credentials.json`) live; omitted, all is in memory. */
  dataDir?: string;
  /** 0 picks any free port (the default). */
  port?: number;
  /** Fault injection; defaults to ATLAS_FAULTS from the environment, else none. */
  faults?: FaultSettings;
  /** A store to serve instead of opening one (its owner closes it). */
  store?: OrgStore;
  /** Rows per store call while processing Bulk ingest jobs (default 500). */
  bulkChunkSize?: number;
}

export interface LocalOrgStats extends ApiStats {
  faults: FaultCounts;
}

export interface LocalOrg {
  /** `http://127.0.0.1:<port>` */
  readonly instanceUrl: string;
  readonly accessToken: string;
  readonly apiVersion: string;
  readonly port: number;
  readonly store: OrgStore;
  stats(): LocalOrgStats;
  setFaults(settings: FaultSettings): void;
  /** Stops background jobs, closes the server and (unless it was given) the store. */
  close(): Promise<void>;
}

/** Loaded on demand, so a caller that brings its own store never loads the database. */
async function openStore(options: LocalOrgOptions): Promise<OrgStore> {
  const { openOrgStore } = await import('./store/index');
  if (options.dataDir !== undefined) {
    await mkdir(options.dataDir, { recursive: true });
  }
  return openOrgStore({
    projectRoot: options.projectRoot,
    dataDir: options.dataDir === undefined ? undefined : join(options.dataDir, 'database'),
    apiVersion: LATEST_API_VERSION
  });
}

function portInUse(port: number, cause: unknown): Error {
  return new Error(
    `Port ${port} on ${HOST} is already in use: stop the other local org or set ATLAS_PORT to a free port`,
    { cause }
  );
}

/** Fails fast on a busy port, before a second server opens (and could damage) a database another one is using. */
async function assertPortFree(port: number): Promise<void> {
  const probe = createServer();
  await new Promise<void>((resolve, reject) => {
    probe.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? portInUse(port, error) : error)
    );
    probe.listen({ host: HOST, port, exclusive: true }, () => probe.close(() => resolve()));
  });
}

export async function startLocalOrg(options: LocalOrgOptions): Promise<LocalOrg> {
  if (options.port) {
    await assertPortFree(options.port);
  }
  const store = options.store ?? (await openStore(options));
  const ownsStore = options.store === undefined;
  try {
    const context: OrgContext = {
      store,
      credentials: await loadOrCreateCredentials(options.dataDir),
      faults: new FaultInjector(options.faults ?? faultSettingsFromEnv() ?? {}),
      calls: new CallCounter(),
      disposers: []
    };
    const { app } = buildApp(context, { ingest: { chunkSize: options.bulkChunkSize } });
    try {
      await app.listen({ host: HOST, port: options.port ?? 0 });
    } catch (error) {
      await app.close();
      if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
        throw portInUse(options.port ?? 0, error);
      }
      throw error;
    }
    const address = app.server.address();
    const port = typeof address === 'object' && address !== null ? address.port : (options.port ?? 0);
    let closing: Promise<void> | undefined;
    return {
      instanceUrl: `http://${HOST}:${port}`,
      accessToken: context.credentials.accessToken,
      apiVersion: LATEST_API_VERSION,
      port,
      store,
      stats: () => ({ ...context.calls.snapshot(), faults: context.faults.faultCounts() }),
      setFaults: (settings) => context.faults.configure(settings),
      close: () => {
        closing ??= (async () => {
          await app.close();
          for (const dispose of context.disposers) {
            await dispose();
          }
          if (ownsStore) {
            await store.close();
          }
        })();
        return closing;
      }
    };
  } catch (error) {
    if (ownsStore) {
      await store.close();
    }
    throw error;
  }
}

export interface CredentialsFile {
  instanceUrl: string;
  accessToken: string;
  apiVersion: string;
}

/** `.atlas/local-org.json` in the project root: what scripts read to reach the running local org. */
export function credentialsFilePath(projectRoot: string): string {
  return join(projectRoot, '.atlas', 'local-org.json');
}

/** Writes the credentials file (mode 0600) and returns its path. */
export async function writeCredentialsFile(projectRoot: string, org: LocalOrg): Promise<string> {
  const file = credentialsFilePath(projectRoot);
  await mkdir(join(projectRoot, '.atlas'), { recursive: true });
  const content: CredentialsFile = {
    instanceUrl: org.instanceUrl,
    accessToken: org.accessToken,
    apiVersion: org.apiVersion
  };
  await writeFile(file, `${JSON.stringify(content, null, 2)}\n`, { mode: 0o600 });
  await chmod(file, 0o600);
  return file;
}
