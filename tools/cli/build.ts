import path from 'node:path';
import { build } from '../build/build';
import { formatFinding } from '../lib/findings';
import { projectRoot } from '../lib/files';

const root = projectRoot();
const started = Date.now();
build(root).then(
  ({ findings, emitted, removed }) => {
    for (const finding of findings) {
      console.error(formatFinding(finding, root));
    }
    for (const file of removed) {
      console.log(`removed stale ${path.relative(root, file)}`);
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
      `build: ${emitted.length} component file(s) compiled, ${findings.length} error(s), ${seconds} s`
    );
    process.exitCode = findings.length === 0 ? 0 : 1;
  },
  (error: unknown) => {
    console.error(`build failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
  }
);
