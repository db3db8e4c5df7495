import fs from 'node:fs';
import path from 'node:path';
import { transformSync } from '@lwc/compiler';
import type { Finding } from '../lib/findings';
import { componentBundles } from '../lib/components';

interface CompilerFailure {
  message?: string;
  loc?: { line?: number; column?: number };
  location?: { line?: number; column?: number };
}

/**
 * Runs every built component file (JavaScript, templates, styles) through Salesforce's LWC compiler — the one the
 * platform runs on deploy — so code it would reject fails the build here, with the file and line.
 */
export function compileComponents(lwcFolder: string): Finding[] {
  const findings: Finding[] = [];
  for (const bundle of componentBundles(lwcFolder)) {
    const folder = path.join(lwcFolder, bundle);
    for (const name of fs
      .readdirSync(folder)
      .filter((file) => /\.(js|html|css)$/.test(file))
      .sort()) {
      const file = path.join(folder, name);
      try {
        transformSync(fs.readFileSync(file, 'utf8'), name, { namespace: 'c', name: bundle });
      } catch (error) {
        findings.push(toFinding(file, error as CompilerFailure));
      }
    }
  }
  return findings;
}

function toFinding(file: string, failure: CompilerFailure): Finding {
  const message = (failure.message ?? String(failure)).split('\n')[0] ?? 'rejected by the LWC compiler';
  const position = /\((\d+):(\d+)\)/.exec(message);
  const line = failure.loc?.line ?? failure.location?.line ?? Number(position?.[1] ?? 1);
  const column = failure.loc?.column ?? failure.location?.column ?? Number(position?.[2] ?? 0);
  return { source: 'lwc-compiler', file, line, column: column + 1, message, severity: 1 };
}
