import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import * as prettier from 'prettier';
import type { Finding } from '../lib/findings';
import { listFiles, packageDirectories } from '../lib/files';

const SERIALIZER = path.join(
  path.dirname(require.resolve('prettier-plugin-apex/package.json')),
  'vendor/apex-ast-serializer/bin/apex-ast-serializer'
);

interface JorjeLocation {
  line: number;
  column: number;
}
interface JorjeParseError {
  message: string;
  error?: { error?: { loc?: JorjeLocation } };
}

/** Apex sources of the project: classes and triggers in every package directory. */
export function apexSources(root: string): string[] {
  return packageDirectories(root).flatMap((dir) => listFiles(dir, (name) => /\.(cls|trigger)$/.test(name)));
}

/**
 * Parses each Apex file with Salesforce's Apex parser (the jorje parser that prettier-plugin-apex ships) and
 * checks it is formatted as `npm run format` writes it. A parse error is reported at its line and column.
 */
export async function checkApexSyntax(root: string, files: string[] = apexSources(root)): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const file of files) {
    const source = fs.readFileSync(file, 'utf8');
    const options = (await prettier.resolveConfig(file)) ?? {};
    try {
      const formatted = await prettier.check(source, { ...options, filepath: file });
      if (!formatted) {
        findings.push({
          source: 'apex-format',
          file,
          line: 1,
          message: 'not formatted as prettier-plugin-apex writes it: run `npm run format`',
          severity: 3
        });
      }
    } catch (error) {
      findings.push(...(await locateParseErrors(file, source, error)));
    }
  }
  return findings;
}

async function locateParseErrors(file: string, source: string, cause: unknown): Promise<Finding[]> {
  const errors = await parseWithJorje(source);
  if (errors.length === 0) {
    return [{ source: 'apex-syntax', file, line: 1, message: String(cause), severity: 1 }];
  }
  return errors.map((error) => ({
    source: 'apex-syntax',
    file,
    line: error.error?.error?.loc?.line ?? 1,
    column: error.error?.error?.loc?.column,
    message: error.message,
    severity: 1
  }));
}

function parseWithJorje(source: string): Promise<JorjeParseError[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(SERIALIZER, [], { env: { ...process.env, DEBUG: '' } });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.on('error', reject);
    child.on('close', () => {
      try {
        const ast = JSON.parse(stdout) as Record<string, { parseErrors?: JorjeParseError[] }>;
        resolve(Object.values(ast)[0]?.parseErrors ?? []);
      } catch {
        resolve([]);
      }
    });
    child.stdin.end(source);
  });
}
