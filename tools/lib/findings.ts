import path from 'node:path';

/** One problem found by an offline check, located in a file of the project. */
export interface Finding {
  /** Which check found it: `apex-syntax`, `apexlink`, `pmd:<Rule>`, `tsc`, `metadata`… */
  source: string;
  file: string;
  line: number;
  column?: number;
  message: string;
  /** 1 (critical) to 5 (info), as Code Analyzer rates violations; parse and type errors are 1. */
  severity: number;
}

/** `path/to/File.cls:12:5  source  message`, with the path relative to the project root. */
export function formatFinding(finding: Finding, root: string): string {
  const relative = path.relative(root, finding.file) || finding.file;
  const where =
    finding.column === undefined
      ? `${relative}:${finding.line}`
      : `${relative}:${finding.line}:${finding.column}`;
  return `${where}  ${finding.source}  ${finding.message}`;
}

export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || (a.column ?? 0) - (b.column ?? 0)
  );
}
