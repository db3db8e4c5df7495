/**
 * A jsforce `Connection` to the org a script targets, wrapped in `OrgApi` (counted calls, safe retries).
 *
 * - `local`: the local org. When `.atlas/local-org.json` points at a server that answers, that server is used (it
 *   owns its data folder, so no second process opens it); otherwise the local org is started inside this process
 *   on `.atlas/local-org/` for the duration of the run.
 * - anything else: an alias or username the `sf` CLI has authorized, read through @salesforce/core's stored auth.
 *   Nothing is sent to an org the CLI does not know.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Connection } from 'jsforce';
import { OrgApi, TransientCallError, type OrgApiOptions } from './api';
import { InputError } from './errors';
import { SETUP } from './target';

export type TargetKind = 'local' | 'org';

export interface TargetConnection {
  api: OrgApi;
  kind: TargetKind;
  /** For messages: where the data goes. */
  description: string;
  /** Ends the connection, and stops the local org when this run started it. */
  close(): Promise<void>;
}

export interface ConnectOptions {
  projectRoot: string;
  /** Where the local org's credentials file and data folder are (`<project>/.atlas` unless tests move it). */
  stateDir: string;
  api?: OrgApiOptions;
}

export const LOCAL_TARGET = 'local';

interface LocalCredentials {
  instanceUrl: string;
  accessToken: string;
  apiVersion: string;
}

function readCredentials(file: string): LocalCredentials | null {
  if (!fs.existsSync(file)) {
    return null;
  }
  try {
    const data: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
    if (
      typeof data === 'object' &&
      data !== null &&
      'instanceUrl' in data &&
      typeof data.instanceUrl === 'string' &&
      'accessToken' in data &&
      typeof data.accessToken === 'string' &&
      'apiVersion' in data &&
      typeof data.apiVersion === 'string'
    ) {
      return { instanceUrl: data.instanceUrl, accessToken: data.accessToken, apiVersion: data.apiVersion };
    }
  } catch {
    // An unreadable file is treated as no file: nothing answers behind it.
  }
  return null;
}

/** `.atlas/local-org` inside the project, the full path elsewhere. */
function shortPath(projectRoot: string, file: string): string {
  const relative = path.relative(projectRoot, file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}

/** The API version the project is written for (sfdx-project.json's sourceApiVersion). */
export function projectApiVersion(projectRoot: string): string {
  const project: unknown = JSON.parse(fs.readFileSync(path.join(projectRoot, 'sfdx-project.json'), 'utf8'));
  if (
    typeof project === 'object' &&
    project !== null &&
    'sourceApiVersion' in project &&
    typeof project.sourceApiVersion === 'string'
  ) {
    return project.sourceApiVersion;
  }
  throw new Error(`${projectRoot}/sfdx-project.json has no sourceApiVersion`);
}

/** Whether the server behind `api` answers; a server that refuses the token is an error, not an absence. */
async function answers(api: OrgApi, credentialsFile: string): Promise<boolean> {
  try {
    await api.call(SETUP, () => api.connection.request('/services/data/'), 'once');
    return true;
  } catch (error) {
    if (error instanceof TransientCallError) {
      return false;
    }
    throw new InputError(
      `The local org at ${api.connection.instanceUrl} does not accept the token in ${credentialsFile} ` +
        `(${error instanceof Error ? error.message : String(error)}): restart it with \`npm run local-org\`, or stop it and run again.`
    );
  }
}

async function connectLocal(options: ConnectOptions): Promise<TargetConnection> {
  const credentialsFile = path.join(options.stateDir, 'local-org.json');
  const credentials = readCredentials(credentialsFile);
  if (credentials !== null) {
    const api = new OrgApi(
      new Connection({
        instanceUrl: credentials.instanceUrl,
        accessToken: credentials.accessToken,
        version: credentials.apiVersion
      }),
      options.api
    );
    if (await answers(api, credentialsFile)) {
      return {
        api,
        kind: 'local',
        description: `the local org at ${credentials.instanceUrl}`,
        close: async () => {}
      };
    }
  }
  const { startLocalOrg } = await import('../../local-org/src/server');
  const dataDir = path.join(options.stateDir, 'local-org');
  const org = await startLocalOrg({ projectRoot: options.projectRoot, dataDir });
  const api = new OrgApi(
    new Connection({ instanceUrl: org.instanceUrl, accessToken: org.accessToken, version: org.apiVersion }),
    options.api
  );
  return {
    api,
    kind: 'local',
    description: `the local org (started for this run on ${shortPath(options.projectRoot, dataDir)})`,
    close: () => org.close()
  };
}

async function connectOrg(aliasOrUsername: string, options: ConnectOptions): Promise<TargetConnection> {
  const { Org } = await import('@salesforce/core');
  let org;
  try {
    org = await Org.create({ aliasOrUsername });
  } catch (error) {
    if (error instanceof Error && error.name === 'NamedOrgNotFoundError') {
      throw new InputError(
        `No org is authorized as '${aliasOrUsername}': run \`sf org login web --alias ${aliasOrUsername}\` ` +
          '(add --instance-url for a sandbox or My Domain), or `sf org list` to see the orgs the sf CLI knows.'
      );
    }
    throw error;
  }
  const authorized = org.getConnection();
  const refresh = authorized.getAuthInfo().getConnectionOptions().refreshFn;
  const connection = new Connection({
    instanceUrl: authorized.instanceUrl,
    accessToken: authorized.accessToken ?? undefined,
    version: projectApiVersion(options.projectRoot),
    ...(refresh === undefined
      ? {}
      : {
          refreshFn: (_connection, callback) => {
            void refresh(authorized, async (error, accessToken) => callback(error ?? undefined, accessToken));
          }
        })
  });
  return {
    api: new OrgApi(connection, options.api),
    kind: 'org',
    description: `${org.getUsername() ?? aliasOrUsername} (${authorized.instanceUrl})`,
    close: async () => {}
  };
}

export function connectTarget(target: string, options: ConnectOptions): Promise<TargetConnection> {
  return target === LOCAL_TARGET ? connectLocal(options) : connectOrg(target, options);
}
