/**
 * Starts the workbench in this process: connects to an org (the local org), picks the signed-in user, makes sure
 * the components' bundle is built, and serves the pages on 127.0.0.1.
 *
 *   const workbench = await startWorkbench({ projectRoot, org: { instanceUrl, accessToken, apiVersion }, port: 0 });
 *   …
 *   await workbench.close();
 */
import { Connection } from 'jsforce';
import { DEFAULT_ROW_BUDGET } from '../twins/context';
import { buildApp } from './app';
import { type ClientBundle, clientBundle } from './bundle';
import { type SignedInUser, signedInUser } from './user';

export const HOST = '127.0.0.1';
/** The workbench's port unless ATLAS_PORT says otherwise; the local org listens on the next one. */
export const DEFAULT_WORKBENCH_PORT = 6260;

export interface OrgCredentials {
  instanceUrl: string;
  accessToken: string;
  apiVersion: string;
}

export interface WorkbenchOptions {
  projectRoot: string;
  org: OrgCredentials;
  /** 0 (the default) picks any free port. */
  port?: number;
  /** `ATLAS_USER`: the user to sign in as; by default the active user owning the most open opportunities. */
  userId?: string;
  /** The pipeline twin's row budget (tests lower it). */
  rowBudget?: number;
  /** `Date.today()` for the twins; the current UTC date by default. */
  today?: () => string;
  /** The components' bundle, when the caller has it already; built (or taken from the cache) otherwise. */
  bundle?: ClientBundle;
  log?: (message: string) => void;
}

export interface Workbench {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly port: number;
  readonly user: SignedInUser;
  readonly bundle: ClientBundle;
  readonly connection: Connection;
  close(): Promise<void>;
}

function utcToday(): string {
  return new Date().toISOString().slice(0, 10);
}

export async function startWorkbench(options: WorkbenchOptions): Promise<Workbench> {
  const connection = new Connection({
    instanceUrl: options.org.instanceUrl,
    accessToken: options.org.accessToken,
    version: options.org.apiVersion
  });
  const user = await signedInUser(connection, options.userId);
  const bundle = options.bundle ?? (await clientBundle({ projectRoot: options.projectRoot }));
  const app = buildApp({
    projectRoot: options.projectRoot,
    connection,
    user,
    bundle,
    today: options.today ?? utcToday,
    rowBudget: options.rowBudget ?? DEFAULT_ROW_BUDGET,
    log: options.log ?? ((message) => console.error(message))
  });
  await app.listen({ host: HOST, port: options.port ?? 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : (options.port ?? 0);
  return {
    url: `http://${HOST}:${port}`,
    port,
    user,
    bundle,
    connection,
    close: () => app.close()
  };
}
