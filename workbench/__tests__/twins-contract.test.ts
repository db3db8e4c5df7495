/**
 * Every @AuraEnabled method of the package has a twin in the workbench with the same parameters, in the same
 * order, as cacheable as the Apex; a method added without its twin, or changed without it, fails here with the
 * class, the method and the file and line.
 */
import { lineOf, REPO_ROOT, withProjectCopy } from '../../tools/checks/__tests__/project-copy';
import { auraEnabledMethods, twinProblems } from '../twins/contract';
import { TWINS } from '../twins';

const CONTROLLER = 'force-app/main/default/classes/PipelineHealthController.cls';

describe('the twins of the Apex', () => {
  it('cover every @AuraEnabled method of the package with the same parameters', () => {
    expect(twinProblems(REPO_ROOT, TWINS)).toEqual([]);
  });

  it('are read from the Apex source, methods of test classes left out', () => {
    const methods = auraEnabledMethods(REPO_ROOT);
    const stages = methods.find((method) => method.name === 'StageSettingsController.getStages');
    expect(stages).toMatchObject({ params: [], cacheable: true });
    expect(stages?.location).toMatch(/^force-app\/main\/default\/classes\/StageSettingsController\.cls:\d+$/);
    expect(methods.every((method) => !method.location.startsWith('force-app/test/'))).toBe(true);
  });
});

describe('the twin contract check', () => {
  const project = withProjectCopy();

  it('names the class, method and line of a method that has no twin', () => {
    const file = project().write(
      'force-app/main/default/classes/AccountPlanController.cls',
      [
        '/** Entry points of the account plan. */',
        'public with sharing class AccountPlanController {',
        '    @AuraEnabled(cacheable=true)',
        '    public static String getPlan(Id accountId) {',
        "        return '';",
        '    }',
        '}',
        ''
      ].join('\n')
    );
    expect(twinProblems(project().root, TWINS)).toEqual([
      `force-app/main/default/classes/AccountPlanController.cls:${lineOf(file, 'getPlan')}: ` +
        'AccountPlanController.getPlan has no twin in workbench/twins/index.ts'
    ]);
  });

  it('names a method whose parameters changed order or name', () => {
    const file = project().edit(CONTROLLER, (source) =>
      source.replace(/String bucket,\s*String stageName,/, 'String stageName,\n        String bucketName,')
    );
    expect(twinProblems(project().root, TWINS)).toEqual([
      `${CONTROLLER}:${lineOf(file, 'public static PipelineHealthService.DealPage getDeals(')}: ` +
        'PipelineHealthController.getDeals takes (scope, recordId, stageName, bucketName, fromDate, toDate, ' +
        'pageSize, pageOffset) but its twin takes (scope, recordId, bucket, stageName, fromDate, toDate, pageSize, ' +
        'pageOffset)'
    ]);
  });

  it('names a method that is no longer cacheable, and a twin whose method is gone', () => {
    const file = project().edit(CONTROLLER, (source) =>
      source.replace(
        '@AuraEnabled(cacheable=true)\n    public static PipelineHealthService.DealPage',
        '@AuraEnabled\n    public static PipelineHealthService.DealPage'
      )
    );
    const stages = project().edit('force-app/main/default/classes/StageSettingsController.cls', (source) =>
      source.replace('getStages()', 'getOrgStages()')
    );
    const problems = twinProblems(project().root, TWINS);
    expect(problems).toContain(
      `${CONTROLLER}:${lineOf(file, 'public static PipelineHealthService.DealPage getDeals(')}: ` +
        'PipelineHealthController.getDeals is not cacheable but its twin is cacheable'
    );
    expect(problems).toContain(
      `force-app/main/default/classes/StageSettingsController.cls:${lineOf(stages, 'getOrgStages()')}: ` +
        'StageSettingsController.getOrgStages has no twin in workbench/twins/index.ts'
    );
    expect(problems).toContain(
      'workbench/twins/index.ts: the twin StageSettingsController.getStages stands for no @AuraEnabled method of the Apex'
    );
  });

  it('reports Apex it cannot read with the file and line', () => {
    project().write(
      'force-app/main/default/classes/Broken.cls',
      'public class Broken {\n    public void x( {\n}\n'
    );
    expect(() => twinProblems(project().root, TWINS)).toThrow(
      /force-app\/main\/default\/classes\/Broken\.cls:2:/
    );
  });
});
