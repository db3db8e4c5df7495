import fs from 'node:fs';
import path from 'node:path';
import { build } from '../build';
import { lineOf, withProjectCopy } from '../../checks/__tests__/project-copy';

const LWC = 'force-app/main/default/lwc';

describe('npm run build', () => {
  jest.setTimeout(60_000);
  const project = withProjectCopy();

  it('compiles every component to the JavaScript the platform deploys, and the LWC compiler accepts it', async () => {
    const outcome = await build(project().root);

    expect(outcome.findings).toEqual([]);
    const built = path.join(project().root, LWC, 'stageGuide', 'stageGuide.js');
    expect(outcome.emitted).toContain(built);
    const source = fs.readFileSync(built, 'utf8');
    expect(source).toContain('@wire(getStages)');
    expect(source).not.toMatch(/:\s*StagePace|interface |import type/);
    expect(
      fs.existsSync(path.join(project().root, LWC, 'stageGuide', '__tests__', 'stageGuide.test.js'))
    ).toBe(false);
  });

  it('removes JavaScript whose TypeScript source is gone', async () => {
    const orphan = project().write(`${LWC}/stageTiming/oldHelper.js`, 'export const stale = true;\n');

    const outcome = await build(project().root);

    expect(outcome.removed).toEqual([orphan]);
    expect(fs.existsSync(orphan)).toBe(false);
  });

  it('fails on a type error with its file and line', async () => {
    const file = project().edit(`${LWC}/stageTiming/stageTiming.ts`, (source) =>
      source.replace('export const DUE_SOON_SHARE = 0.8;', "export const DUE_SOON_SHARE: number = 'most';")
    );

    const outcome = await build(project().root);

    expect(outcome.findings).toEqual([
      expect.objectContaining({ file, line: lineOf(file, "'most'"), source: 'tsc' })
    ]);
  });

  it('fails when the LWC compiler rejects a template, with its file and line', async () => {
    const file = project().edit(`${LWC}/stageGuide/stageGuide.html`, (source) =>
      source.replace('<p class="time-in-stage', '<p onclick={handle()} class="time-in-stage')
    );

    const outcome = await build(project().root);

    expect(outcome.findings).toHaveLength(1);
    expect(outcome.findings[0]).toMatchObject({ file, source: 'lwc-compiler' });
    expect(outcome.findings[0]?.line).toBeGreaterThan(1);
  });
});
