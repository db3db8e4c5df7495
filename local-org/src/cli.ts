/**
 * `npm run local-org`: runs the local org in the foreground until Ctrl-C.
 *
 *   ATLAS_PORT   port on 127.0.0.1 (default 6260)
 *   ATLAS_FAULTS fault injection, e.g. '{"http503":0.1,"lockRows":0.05,"seed":7}' (see local-org/README.md)
 *
 * Run from the project root: data lives in `.atlas/local-org/`, and `.atlas/local-org.json` tells scripts where the
 * org is and which token to send.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { faultSettingsFromEnv } from './faults';
import { DEFAULT_PORT, startLocalOrg, writeCredentialsFile, type LocalOrg } from './server';

function portFromEnv(text: string | undefined): number {
  if (text === undefined || text.trim() === '') {
    return DEFAULT_PORT;
  }
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`ATLAS_PORT must be a port number between 0 and 65535, not "${text}"`);
  }
  return port;
}

async function main(): Promise<void> {
  const projectRoot = resolve(process.cwd());
  if (!existsSync(join(projectRoot, 'sfdx-project.json'))) {
    throw new Error(`Run the local org from the project root (no sfdx-project.json in ${projectRoot})`);
  }
  const port = portFromEnv(process.env.ATLAS_PORT);
  const faults = faultSettingsFromEnv();
  const dataDir = join(projectRoot, '.atlas', 'local-org');
  const org: LocalOrg = await startLocalOrg({ projectRoot, dataDir, port, faults });
  const credentials = await writeCredentialsFile(projectRoot, org);

  console.log(`Local org ready at ${org.instanceUrl} (API v${org.apiVersion})`);
  console.log(`Credentials (instance URL, access token, API version): ${credentials}`);
  console.log(`Data: ${dataDir}`);
  if (faults && Object.keys(faults).length > 0) {
    console.log(`Fault injection on: ${JSON.stringify(faults)}`);
  }
  console.log('Press Ctrl-C to stop.');

  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) {
      console.error(`${signal} again: exiting without waiting for the database to close`);
      process.exit(1);
    }
    stopping = true;
    console.log(`\n${signal}: stopping the local org…`);
    org.close().then(
      () => {
        const { total } = org.stats();
        console.log(`Stopped after ${total} API calls; the database is closed.`);
        process.exit(0);
      },
      (error: unknown) => {
        console.error('The local org did not stop cleanly:', error);
        process.exit(1);
      }
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`local-org: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
