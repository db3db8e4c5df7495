/**
 * A workbench for tests and benchmarks, in this process: an in-memory local org on any free port, the demo data
 * seeded into it by the seed command (as `npm start` does on a first start), and the workbench on any free port.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { startLocalOrg, type LocalOrg } from '../../local-org/src/server';
import { generateDataset } from '../../scripts/seed/generator';
import { parseSeedOptions } from '../../scripts/seed/options';
import { seedCommand } from '../../scripts/seed/run';
import { projectRoot } from '../../tools/lib/files';
import { startWorkbench, type Workbench, type WorkbenchOptions } from '../server/server';

export interface SeededWorkbench {
  org: LocalOrg;
  workbench: Workbench;
  /** Server errors the workbench reported while it ran. */
  serverErrors: string[];
  close(): Promise<void>;
}

function sink(): { stream: NodeJS.WriteStream; text: () => string } {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString()));
  return { stream: stream as unknown as NodeJS.WriteStream, text: () => text };
}

/** Seeds the demo dataset (`npm run seed` with its defaults) into an org; throws with the seed's output if it fails. */
export async function seedDemoData(org: LocalOrg, root: string): Promise<void> {
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-workbench-seed-'));
  try {
    const credentials = {
      instanceUrl: org.instanceUrl,
      accessToken: org.accessToken,
      apiVersion: org.apiVersion
    };
    fs.writeFileSync(path.join(stateDir, 'local-org.json'), JSON.stringify(credentials));
    const stdout = sink();
    const stderr = sink();
    const code = await seedCommand(
      parseSeedOptions({ json: true, resultsDir: path.join(stateDir, 'results') }),
      {
        projectRoot: root,
        stateDir,
        generate: generateDataset,
        stdout: stdout.stream,
        stderr: stderr.stream
      }
    );
    if (code !== 0) {
      throw new Error(`The demo seed exited ${code}:\n${stderr.text()}\n${stdout.text()}`);
    }
  } finally {
    fs.rmSync(stateDir, { recursive: true, force: true });
  }
}

export async function startSeededWorkbench(
  options: Partial<Pick<WorkbenchOptions, 'rowBudget' | 'userId' | 'today'>> = {}
): Promise<SeededWorkbench> {
  const root = projectRoot(__dirname);
  const org = await startLocalOrg({ projectRoot: root, port: 0 });
  const serverErrors: string[] = [];
  try {
    await seedDemoData(org, root);
    const workbench = await startWorkbench({
      ...options,
      projectRoot: root,
      org: { instanceUrl: org.instanceUrl, accessToken: org.accessToken, apiVersion: org.apiVersion },
      port: 0,
      log: (message) => serverErrors.push(message)
    });
    return {
      org,
      workbench,
      serverErrors,
      close: async () => {
        await workbench.close();
        await org.close();
      }
    };
  } catch (error) {
    await org.close();
    throw error;
  }
}
