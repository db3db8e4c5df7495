/**
 * Test helper, run in a child process whose HOME is a temporary folder: stores an sf CLI authorization for the
 * local org described by the credentials file `ATLAS_CREDENTIALS`, under the alias given as the first argument,
 * as `sf org login access-token --alias …` would. Prints the username.
 */
import fs from 'node:fs';
import { AuthInfo, StateAggregator } from '@salesforce/core';

async function main(): Promise<void> {
  const [alias] = process.argv.slice(2);
  const file = process.env.ATLAS_CREDENTIALS;
  if (alias === undefined || file === undefined) {
    throw new Error('usage: ATLAS_CREDENTIALS=<file> authorize-alias.ts <alias>');
  }
  const { instanceUrl, accessToken } = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string>;
  const auth = await AuthInfo.create({
    accessTokenOptions: { accessToken, instanceUrl, loginUrl: instanceUrl }
  });
  await auth.save();
  const username = auth.getUsername() ?? '';
  const state = await StateAggregator.getInstance();
  await state.aliases.setAndSave(alias, username);
  process.stdout.write(`${username}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
