/**
 * The workbench's bundle: how platform imports resolve (components, Apex twins, schema, the workbench's client
 * modules), the errors a missing twin or an unbuilt component give, the cache key, and a real build that a second
 * start reuses.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Plugin, PluginContext } from 'rollup';
import { REPO_ROOT, withProjectCopy } from '../../tools/checks/__tests__/project-copy';
import { bundleHash, clientBundle } from '../server/bundle';
import { CLIENT_DIR, clientTypeScript, moduleOfTag, platformModules } from '../server/platform-modules';

const LWC = path.join(REPO_ROOT, 'force-app', 'main', 'default', 'lwc');

/** Calls a plugin hook as Rollup would, with `this.error` throwing as it does. */
function hook<T>(plugin: Plugin, name: 'resolveId' | 'load' | 'transform', ...args: unknown[]): T {
  const context = {
    error: (message: string) => {
      throw new Error(message);
    }
  } as unknown as PluginContext;
  const handler = plugin[name] as unknown as (...hookArgs: unknown[]) => T;
  return handler.call(context, ...args);
}

function platform(): Plugin {
  return platformModules({
    lwcFolders: [LWC],
    apexMethods: { 'PipelineHealthController.getDeals': true, 'Legacy.save': false },
    mountedComponents: ['c-stage-guide', 'wb-stage-path']
  });
}

function loaded(source: string): string {
  const plugin = platform();
  const id = hook<string>(plugin, 'resolveId', source, undefined);
  return hook<string>(plugin, 'load', id);
}

describe('platform modules in the bundle', () => {
  it('names the module of a tag', () => {
    expect(moduleOfTag('c-pipeline-health')).toBe('c/pipelineHealth');
    expect(moduleOfTag('wb-stage-path')).toBe('wb/stagePath');
    expect(moduleOfTag('c-atlas')).toBe('c/atlas');
  });

  it('imports schema fields and objects as the platform gives them', () => {
    expect(loaded('@salesforce/schema/Opportunity.Account.Name')).toBe(
      'export default {"objectApiName":"Opportunity","fieldApiName":"Account.Name"};'
    );
    expect(loaded('@salesforce/schema/Opportunity')).toBe('export default {"objectApiName":"Opportunity"};');
  });

  it("gives the signed-in user's locale and currency as the platform's i18n modules", () => {
    expect(loaded('@salesforce/i18n/locale')).toBe('export default "en-US";');
    expect(loaded('@salesforce/i18n/currency')).toBe('export default "USD";');
  });

  it('calls the twin of an Apex method, cacheable or not, by its declared name', () => {
    const apex = JSON.stringify(path.join(CLIENT_DIR, 'apex.ts'));
    expect(loaded('@salesforce/apex/pipelinehealthcontroller.GETDEALS')).toBe(
      `import { apexMethod } from ${apex};\nexport default apexMethod("PipelineHealthController.getDeals", true);\n`
    );
    expect(loaded('@salesforce/apex/Legacy.save')).toContain('apexMethod("Legacy.save", false)');
  });

  it('fails the build on an Apex method without a twin', () => {
    expect(() => loaded('@salesforce/apex/AccountPlanController.getPlan')).toThrow(
      '@salesforce/apex/AccountPlanController.getPlan has no twin in workbench/twins/index.ts'
    );
  });

  it('maps c/ imports to the built components, and says when one is not built', () => {
    expect(hook(platform(), 'resolveId', 'c/stageGuide', 'page')).toBe(
      `${path.join(LWC, 'stageGuide', 'stageGuide.js')}?specifier=c%2FstageGuide`
    );
    expect(() => hook(platform(), 'resolveId', 'c/accountPlan', 'page.js')).toThrow(
      'c/accountPlan (imported by page.js) has no built component: run npm run build'
    );
  });

  it("maps the platform's modules to the workbench's client modules, and leaves the rest alone", () => {
    expect(hook(platform(), 'resolveId', 'lightning/uiRecordApi', 'x')).toBe(
      path.join(CLIENT_DIR, 'uiRecordApi.ts')
    );
    expect(hook(platform(), 'resolveId', '@salesforce/user/Id', 'x')).toBe(
      path.join(CLIENT_DIR, 'userId.ts')
    );
    expect(hook(platform(), 'resolveId', 'lightning/button', 'x')).toBeNull();
    expect(hook(platform(), 'load', '/some/file.js')).toBeNull();
  });

  it('builds the table of mounted components', () => {
    expect(loaded('workbench:components')).toBe(
      'import component0 from "c/stageGuide";\nimport component1 from "wb/stagePath";\n' +
        'export default {\n  "c-stage-guide": component0,\n  "wb-stage-path": component1\n};\n'
    );
  });

  it("transpiles the workbench's client TypeScript only, keeping standard decorators for the LWC compiler", () => {
    const plugin = clientTypeScript();
    const source = 'export default class X extends Base {\n  @api recordId?: string;\n}\n';
    const output = hook<{ code: string }>(
      plugin,
      'transform',
      source,
      path.join(CLIENT_DIR, 'lwc', 'wb', 'x', 'x.ts')
    );
    expect(output.code).toContain('@api');
    expect(output.code).not.toContain('?: string');
    expect(hook(plugin, 'transform', source, path.join(LWC, 'stageGuide', 'stageGuide.ts'))).toBeNull();
  });
});

describe('the bundle cache key', () => {
  const project = withProjectCopy();

  it('changes when a built component changes, and only then', () => {
    const root = project().root;
    const file = path.join('force-app', 'main', 'default', 'lwc', 'stageGuide', 'stageGuide.js');
    project().write(file, fs.readFileSync(path.join(REPO_ROOT, file), 'utf8'));
    const before = bundleHash(root);
    expect(bundleHash(root)).toBe(before);
    project().edit(file, (source) => `${source}\n// changed\n`);
    expect(bundleHash(root)).not.toBe(before);
  });
});

describe('building the bundle', () => {
  let cacheDir: string;

  beforeAll(() => {
    cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-workbench-cache-'));
    fs.writeFileSync(path.join(cacheDir, 'app.0000000000000000.js'), 'an older bundle');
    fs.writeFileSync(path.join(cacheDir, 'app.0000000000000000.json'), '{}');
  });

  afterAll(() => fs.rmSync(cacheDir, { recursive: true, force: true }));

  it('builds the components into one script, then reuses it while nothing changes', async () => {
    const built = await clientBundle({ projectRoot: REPO_ROOT, cacheDir });
    expect(built.buildMs).toBeGreaterThan(0);
    expect(path.basename(built.file)).toBe(`app.${built.hash}.js`);
    const script = fs.readFileSync(built.file, 'utf8');
    expect(script).toContain('lightning__showtoast');
    expect(script).toContain('/workbench/apex/');
    expect(script).not.toContain('process.env.NODE_ENV');
    expect(built.warnings.filter((warning) => !warning.includes('node_modules/'))).toEqual([]);
    expect(fs.readdirSync(cacheDir).sort()).toEqual([`app.${built.hash}.js`, `app.${built.hash}.json`]);

    const again = await clientBundle({ projectRoot: REPO_ROOT, cacheDir });
    expect(again).toEqual({ ...built, buildMs: null });
  }, 180_000);
});
