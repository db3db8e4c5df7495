import path from 'node:path';
import { runApexChecks } from '../checks/check-apex';
import { formatFinding } from '../lib/findings';
import { projectRoot } from '../lib/files';

const root = projectRoot();
runApexChecks(root).then(
  ({ failures, notes, reportFile }) => {
    for (const finding of failures) {
      console.error(formatFinding(finding, root));
    }
    const where = path.relative(root, reportFile);
    console.log(`check:apex: ${failures.length} failure(s), ${notes.length} note(s); report in ${where}`);
    process.exitCode = failures.length === 0 ? 0 : 1;
  },
  (error: unknown) => {
    console.error(`check:apex could not run: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
  }
);
