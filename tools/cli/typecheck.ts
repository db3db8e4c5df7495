import path from 'node:path';
import { typecheck } from '../checks/typecheck';
import { formatFinding } from '../lib/findings';
import { projectRoot } from '../lib/files';

const root = projectRoot();
typecheck(root).then(
  ({ findings, projects }) => {
    for (const finding of findings) {
      console.error(formatFinding(finding, root));
    }
    const names = projects.map((project) => path.relative(root, project)).join(', ');
    console.log(`typecheck: ${findings.length} error(s) in ${projects.length} project(s): ${names}`);
    process.exitCode = findings.length === 0 ? 0 : 1;
  },
  (error: unknown) => {
    console.error(`typecheck could not run: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
  }
);
