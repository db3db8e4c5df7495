import { runApexChecks } from '../check-apex';
import { checkApexSemantics, parseApexLinkReport } from '../apexlink';
import { checkApexSyntax } from '../apex-syntax';
import { lineOf, withProjectCopy } from './project-copy';

const CLASSES = 'force-app/main/default/classes';

function apexClass(name: string, body: string): string {
  return `public with sharing class ${name} {\n${body}\n}\n`;
}

const CLASS_META = `<?xml version="1.0" encoding="UTF-8" ?>
<ApexClass xmlns="http://soap.sforce.com/2006/04/metadata">
  <apiVersion>66.0</apiVersion>
  <status>Active</status>
</ApexClass>
`;

describe('the offline Apex checks catch what they exist for', () => {
  jest.setTimeout(60_000);
  const project = withProjectCopy();

  function addClass(name: string, body: string): string {
    project().write(`${CLASSES}/${name}.cls-meta.xml`, CLASS_META);
    return project().write(`${CLASSES}/${name}.cls`, apexClass(name, body));
  }

  it('reports an Apex syntax error at its file and line, and skips the later checks', async () => {
    const file = addClass(
      'BrokenSyntax',
      '    public Integer broken() {\n        Integer total = ;\n        return total;\n    }'
    );

    const outcome = await runApexChecks(project().root);

    const syntax = outcome.failures.filter((finding) => finding.source === 'apex-syntax');
    expect(syntax).toHaveLength(1);
    expect(syntax[0]).toMatchObject({ file, line: lineOf(file, 'Integer total = ;'), severity: 1 });
    expect(syntax[0]?.message).toMatch(/Unexpected token/);
    expect(outcome.report).toContain('BrokenSyntax.cls:3');
    expect(outcome.report).toContain('ApexLink and Code Analyzer skipped');
  });

  it('reports Apex that is not formatted the way prettier-plugin-apex writes it', async () => {
    const file = addClass('Untidy', '      public Integer    answer() { return 42; }');

    const findings = await checkApexSyntax(project().root, [file]);

    expect(findings).toEqual([expect.objectContaining({ source: 'apex-format', file, line: 1 })]);
  });

  it('reports an unknown field referenced in Apex at its file and line', async () => {
    const file = addClass(
      'UnknownField',
      '    public Decimal wallet(Buying_Center__c center) {\n        return center.Wallet_Size__c;\n    }'
    );

    const findings = await checkApexSemantics(project().root);

    const mine = findings.filter((finding) => finding.file === file);
    expect(mine).toEqual([
      expect.objectContaining({ line: lineOf(file, 'center.Wallet_Size__c'), severity: 1 })
    ]);
    expect(mine[0]?.message).toContain('Wallet_Size__c');
  });

  it('fails on a query without user mode, DML in system mode and undeclared sharing, naming file and line', async () => {
    const file = project().write(
      `${CLASSES}/SystemModeAccess.cls`,
      [
        'public class SystemModeAccess {',
        '    public List<Account> load(String name) {',
        '        List<Account> accounts = [SELECT Id FROM Account WHERE Name = :name];',
        '        update accounts;',
        '        Database.insert(new Account(Name = name));',
        '        Database.update(accounts, AccessLevel.USER_MODE);',
        '        return accounts;',
        '    }',
        '}',
        ''
      ].join('\n')
    );
    project().write(`${CLASSES}/SystemModeAccess.cls-meta.xml`, CLASS_META);

    const outcome = await runApexChecks(project().root);

    const rulesAt = (line: number): string[] =>
      outcome.failures
        .filter((finding) => finding.file === file && finding.line === line)
        .map((finding) => finding.source);
    const queryLine = lineOf(file, 'SELECT Id');
    expect(rulesAt(1)).toContain('pmd:AtlasClassDeclaresSharing');
    expect(rulesAt(queryLine)).toContain('pmd:AtlasSoqlInUserMode');
    expect(rulesAt(lineOf(file, 'update accounts'))).toContain('pmd:AtlasDmlInUserMode');
    expect(rulesAt(lineOf(file, 'Database.insert'))).toContain('pmd:AtlasDatabaseMethodInUserMode');
    expect(rulesAt(lineOf(file, 'AccessLevel.USER_MODE'))).toEqual([]);
    expect(outcome.report).toContain(`SystemModeAccess.cls:${queryLine}`);
    const others = outcome.failures.filter((finding) => finding.file !== file);
    expect(others).toEqual([]);
  });
});

describe('parseApexLinkReport', () => {
  it('reads nothing from an empty report and rates warnings as notes', () => {
    expect(parseApexLinkReport('  ')).toEqual([]);
    const report = JSON.stringify({
      files: [
        {
          path: '/p/A.cls',
          messages: [
            { start: { line: 3, offset: 4 }, category: 'Warning', message: 'Unused' },
            { start: { line: 5, offset: 0 }, category: 'Error', message: 'Bad' }
          ]
        }
      ]
    });
    expect(parseApexLinkReport(report)).toEqual([
      { source: 'apexlink:Warning', file: '/p/A.cls', line: 3, column: 5, message: 'Unused', severity: 4 },
      { source: 'apexlink:Error', file: '/p/A.cls', line: 5, column: 1, message: 'Bad', severity: 1 }
    ]);
  });
});
