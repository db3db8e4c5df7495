/** `npm run seed -- [options]`: fills the local org, or an org the sf CLI knows, with realistic data. */
import path from 'node:path';
import { Command, CommanderError } from 'commander';
import { projectRoot } from '../../tools/lib/files';
import { InputError } from '../lib/errors';
import { generateDataset } from './generator';
import { parseSeedOptions, type RawSeedOptions } from './options';
import { seedCommand } from './run';

const program = new Command()
  .name('npm run seed --')
  .description(
    'Seed an org with realistic Account Atlas data: users, accounts, contacts, opportunities with history, ' +
      'activities, account plans and political maps. Safe to run again: it upserts on external ids, never deletes, ' +
      'and resumes an interrupted run.'
  )
  .option('-o, --target-org <org>', "'local' (the local org) or an sf CLI alias or username", 'local')
  .option(
    '--scale <scale>',
    'demo (2,000 records), medium (20,000), large (126,000) or a number of records',
    'demo'
  )
  .option('--seed <n>', 'random seed: the same seed and scale give the same data', '1')
  .option('--anchor-date <date>', 'the day the data is placed around, YYYY-MM-DD (default: today)')
  .option('--dry-run', 'print the plan (target, namespace, records and method per object) and write nothing')
  .option('--fresh', "discard an interrupted run's checkpoint instead of resuming it")
  .option(
    '--results-dir <dir>',
    'folder for the success and failure CSV files (default: results/seed-<time>)'
  )
  .option('--json', 'print a machine-readable summary on stdout (progress goes to stderr)')
  .option('--bulk-threshold <rows>', 'write objects with more rows than this through Bulk API 2.0', '2000')
  .exitOverride();

async function main(): Promise<number> {
  try {
    program.parse();
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? 0 : 2;
    }
    throw error;
  }
  const root = projectRoot();
  try {
    const options = parseSeedOptions(program.opts<RawSeedOptions>());
    return await seedCommand(options, {
      projectRoot: root,
      stateDir: process.env.ATLAS_STATE_DIR
        ? path.resolve(process.env.ATLAS_STATE_DIR)
        : path.join(root, '.atlas'),
      generate: generateDataset,
      stdout: process.stdout,
      stderr: process.stderr
    });
  } catch (error) {
    if (error instanceof InputError) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  }
);
