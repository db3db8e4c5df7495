import fs from 'node:fs';
import path from 'node:path';
import type { Finding } from '../lib/findings';
import { listFiles } from '../lib/files';
import { lwcFolders } from '../lib/components';
import { compileProject } from '../lib/typescript';
import { generateTypes } from '../types/generate';
import { compileComponents } from './lwc-compile';

export interface BuildOutcome {
  findings: Finding[];
  emitted: string[];
  removed: string[];
}

/**
 * Builds what the platform deploys from what we author: generates the platform-module declarations, compiles
 * every component's TypeScript to the JavaScript beside it, removes JavaScript left behind by a deleted or renamed
 * TypeScript file (component JavaScript is never authored by hand: it is git-ignored), then checks the result
 * with the LWC compiler the platform itself runs.
 */
export async function build(root: string): Promise<BuildOutcome> {
  await generateTypes({ root, outDir: path.join(root, 'types', 'generated') });
  const outcome: BuildOutcome = { findings: [], emitted: [], removed: [] };
  for (const folder of lwcFolders(root)) {
    outcome.removed.push(...removeOrphanedJavaScript(folder));
    const { findings, emitted } = compileProject(path.join(folder, 'tsconfig.build.json'));
    outcome.findings.push(...findings, ...compileComponents(folder));
    outcome.emitted.push(...emitted);
  }
  return outcome;
}

function removeOrphanedJavaScript(lwcFolder: string): string[] {
  const orphans = listFiles(lwcFolder, (name) => name.endsWith('.js')).filter(
    (file) => !fs.existsSync(file.replace(/\.js$/, '.ts'))
  );
  for (const file of orphans) {
    fs.rmSync(file);
  }
  return orphans;
}
