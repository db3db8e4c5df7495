import path from 'node:path';
import { CodeAnalyzer, CodeAnalyzerConfig } from '@salesforce/code-analyzer-core';
import type { RunResults } from '@salesforce/code-analyzer-core';
import * as pmdEngine from '@salesforce/code-analyzer-pmd-engine';
import type { Finding } from '../lib/findings';
import { packageDirectories } from '../lib/files';

export const ATLAS_RULESET = path.join(__dirname, 'pmd', 'atlas-ruleset.xml');

/**
 * Rules the package must pass with no violation: PMD's security rules, the AppExchange security-review rules
 * bundled with Code Analyzer's PMD engine, the Apex rules Code Analyzer recommends, and Account Atlas's own
 * user-mode and sharing rules.
 */
export const RULE_SELECTORS = ['pmd:Security', 'pmd:AppExchange', 'pmd:Recommended:Apex', 'pmd:Custom'];

export interface CodeAnalyzerOutcome {
  findings: Finding[];
  rulesRun: string[];
  results: RunResults;
}

/** Runs Salesforce Code Analyzer's PMD engine over the package directories (Apex, Visualforce and XML). */
export async function runCodeAnalyzer(root: string): Promise<CodeAnalyzerOutcome> {
  const config = CodeAnalyzerConfig.fromObject({
    config_root: root,
    engines: {
      pmd: { rule_languages: ['apex', 'visualforce', 'xml'], custom_rulesets: [ATLAS_RULESET] },
      cpd: { disable_engine: true }
    },
    // Replaced by AtlasMethodNamingConventions, which allows sentence-style test method names.
    rules: { pmd: { MethodNamingConventions: { tags: ['Replaced'] } } }
  });
  const analyzer = new CodeAnalyzer(config);
  await analyzer.addEnginePlugin(pmdEngine.createEnginePlugin());
  const workspace = await analyzer.createWorkspace(packageDirectories(root));
  const selection = await analyzer.selectRules(RULE_SELECTORS, { workspace });
  const results = await analyzer.run(selection, { workspace });
  const findings = results.getViolations().map((violation): Finding => {
    const location = violation.getCodeLocations()[violation.getPrimaryLocationIndex()];
    return {
      source: `pmd:${violation.getRule().getName()}`,
      file: location?.getFile() ?? root,
      line: location?.getStartLine() ?? 1,
      column: location?.getStartColumn(),
      message: violation.getMessage(),
      severity: violation.getRule().getSeverityLevel()
    };
  });
  const rulesRun = selection.getRulesFor('pmd').map((rule) => rule.getName());
  return { findings, rulesRun, results };
}
