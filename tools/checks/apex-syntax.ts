import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Finding } from '../lib/findings';
import { listFiles, packageDirectories, packageFolder } from '../lib/files';

const SERIALIZER = path.join(
  packageFolder('prettier-plugin-apex'),
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

const PRETTIER = path.join(packageFolder('prettier'), 'bin', 'prettier.cjs');

/**
 * Parses each Apex file with Salesforce's Apex parser (the jorje parser that prettier-plugin-apex ships) and
 * checks it is formatted as `npm run format` writes it. A parse error is reported at its line and column.
 */
export async function checkApexSyntax(root: string, files: string[] = apexSources(root)): Promise<Finding[]> {
  if (files.length === 0) {
    return [];
  }
  const { unformatted, unparsable } = await listUnformatted(root, files);
  const findings: Finding[] = unformatted.map((file) => ({
    source: 'apex-format',
    file,
    line: 1,
    message: 'not formatted as prettier-plugin-apex writes it: run `npm run format`',
    severity: 3
  }));
  for (const [file, message] of unparsable) {
    findings.push(...(await locateParseErrors(file, fs.readFileSync(file, 'utf8'), message)));
  }
  return findings;
}

/** Runs `prettier --list-different`: files it lists are unformatted; `[error] file: …` lines did not parse. */
function listUnformatted(
  root: string,
  files: string[]
): Promise<{ unformatted: string[]; unparsable: Map<string, string> }> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [PRETTIER, '--no-color', '--list-different', ...files],
      // Plain text whatever the terminal: CI=true alone makes prettier colour its "[error]" lines.
      { cwd: root, env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' } },
      (error, stdout, stderr) => {
        const status = error && typeof error.code === 'number' ? error.code : 0;
        if (error && status !== 1 && status !== 2) {
          reject(new Error(`prettier did not run: ${error.message}`));
          return;
        }
        const unparsable = new Map<string, string>();
        for (const match of stderr.matchAll(/^\[error\] ([^:\n]+): (.*)$/gm)) {
          const file = path.resolve(root, match[1] ?? '');
          if (!unparsable.has(file)) {
            unparsable.set(file, match[2] ?? 'does not parse');
          }
        }
        const unformatted = stdout
          .split('\n')
          .filter((line) => line.trim() !== '')
          .map((line) => path.resolve(root, line.trim()))
          .filter((file) => !unparsable.has(file));
        resolve({ unformatted, unparsable });
      }
    );
  });
}

async function locateParseErrors(file: string, source: string, cause: string): Promise<Finding[]> {
  const errors = await parseWithJorje(source);
  if (errors.length === 0) {
    return [{ source: 'apex-syntax', file, line: 1, message: cause, severity: 1 }];
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
