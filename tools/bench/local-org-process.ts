/**
 * A local org in a process of its own, for benchmarks and tests that must not share a process (or a data folder)
 * with what they measure or kill. Unlike `npm run local-org` it never touches the project's `.atlas/`:
 *
 *   ATLAS_DATA_DIR     its own data folder (omitted: in memory)
 *   ATLAS_CREDENTIALS  where to write `{ instanceUrl, accessToken, apiVersion }` (omitted: not written)
 *   ATLAS_PORT         port on 127.0.0.1 (default 0: any free port)
 *   ATLAS_FAULTS       fault injection, as for the local org
 *
 * Prints one line `ready <credentials JSON>` once it listens, and stops cleanly on SIGTERM or SIGINT.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { startLocalOrg } from '../../local-org/src/server';
import { projectRoot } from '../lib/files';

async function main(): Promise<void> {
  const org = await startLocalOrg({
    projectRoot: projectRoot(),
    dataDir: process.env.ATLAS_DATA_DIR || undefined,
    port: Number(process.env.ATLAS_PORT ?? 0)
  });
  const credentials = {
    instanceUrl: org.instanceUrl,
    accessToken: org.accessToken,
    apiVersion: org.apiVersion
  };
  const file = process.env.ATLAS_CREDENTIALS;
  if (file) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(credentials), { mode: 0o600 });
  }
  const stop = (): void => {
    org.close().then(
      () => process.exit(0),
      () => process.exit(1)
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  process.stdout.write(`ready ${JSON.stringify(credentials)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`local org process: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
