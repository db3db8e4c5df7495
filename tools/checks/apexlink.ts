import { execFile } from 'node:child_process';
import path from 'node:path';
import type { Finding } from '../lib/findings';
import { packageFolder } from '../lib/files';

const JAVA_LIB = path.join(packageFolder('@salesforce/code-analyzer-pmd-engine'), 'dist/java-lib/*');

interface ApexLinkReport {
  files: {
    path: string;
    messages: { start: { line: number; offset: number }; category: string; message: string }[];
  }[];
}

/**
 * Semantic check of all Apex against the project's metadata with ApexLink (unknown types, fields and methods,
 * type mismatches, missing -meta.xml files). Field names inside SOQL strings are not checked by ApexLink.
 */
export function checkApexSemantics(root: string): Promise<Finding[]> {
  const args = [
    '-cp',
    JAVA_LIB,
    'io.github.apexdevtools.apexls.CheckForIssues',
    '-f',
    'json',
    '-n',
    '-w',
    root
  ];
  return new Promise((resolve, reject) => {
    execFile('java', args, { maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      // Exit status 4 means "issues found"; anything else non-zero is a failure to run.
      const status = error && typeof error.code === 'number' ? error.code : 0;
      if (error && status !== 4) {
        reject(new Error(`ApexLink did not run (${error.message}): ${stderr}`));
        return;
      }
      resolve(parseApexLinkReport(stdout));
    });
  });
}

export function parseApexLinkReport(json: string): Finding[] {
  const text = json.trim();
  if (text === '') {
    return [];
  }
  const report = JSON.parse(text) as ApexLinkReport;
  return report.files.flatMap((file) =>
    file.messages.map((message) => ({
      source: `apexlink:${message.category}`,
      file: file.path,
      line: message.start.line,
      column: message.start.offset + 1,
      message: message.message,
      severity: message.category === 'Warning' || message.category === 'Unused' ? 4 : 1
    }))
  );
}
