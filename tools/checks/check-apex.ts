import fs from 'node:fs';
import path from 'node:path';
import { formatFinding, sortFindings } from '../lib/findings';
import type { Finding } from '../lib/findings';
import { checkApexSemantics } from './apexlink';
import { apexSources, checkApexSyntax } from './apex-syntax';
import { runCodeAnalyzer } from './code-analyzer';

/** Violations of severity 1 (critical) to 3 (moderate) fail the check; 4 and 5 are reported only. */
export const FAILING_SEVERITY = 3;

export interface ApexCheckOutcome {
  failures: Finding[];
  notes: Finding[];
  report: string;
  reportFile: string;
}

/**
 * The offline Apex checks, in order: Salesforce's parser and formatting, ApexLink semantics, then Code Analyzer.
 * Semantics and analysis are skipped when a file does not parse, since their reports would only repeat it.
 */
export async function runApexChecks(root: string): Promise<ApexCheckOutcome> {
  const files = apexSources(root);
  const syntax = await checkApexSyntax(root, files);
  const parseErrors = syntax.filter((finding) => finding.source === 'apex-syntax');
  const findings: Finding[] = [...syntax];
  const sections: string[] = [`Apex files: ${files.length}`];
  if (parseErrors.length > 0) {
    sections.push('ApexLink and Code Analyzer skipped: fix the parse errors first.');
  } else {
    findings.push(...(await checkApexSemantics(root)));
    const analysis = await runCodeAnalyzer(root);
    findings.push(...analysis.findings);
    sections.push(`Code Analyzer rules run (${analysis.rulesRun.length}): ${analysis.rulesRun.join(', ')}`);
  }
  const sorted = sortFindings(findings);
  const failures = sorted.filter((finding) => finding.severity <= FAILING_SEVERITY);
  const notes = sorted.filter((finding) => finding.severity > FAILING_SEVERITY);
  const report = [
    '# Apex checks',
    ...sections,
    '',
    `## Failures (severity 1-${FAILING_SEVERITY}): ${failures.length}`,
    ...failures.map((finding) => `sev ${finding.severity}  ${formatFinding(finding, root)}`),
    '',
    `## Notes (severity ${FAILING_SEVERITY + 1}-5, not failing): ${notes.length}`,
    ...notes.map((finding) => `sev ${finding.severity}  ${formatFinding(finding, root)}`),
    ''
  ].join('\n');
  const reportFile = path.join(root, 'reports', 'apex-checks.txt');
  fs.mkdirSync(path.dirname(reportFile), { recursive: true });
  fs.writeFileSync(reportFile, report);
  return { failures, notes, report, reportFile };
}
