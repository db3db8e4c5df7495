import { checkMetadata } from '../checks/check-metadata';
import { formatFinding } from '../lib/findings';
import { projectRoot } from '../lib/files';

const root = projectRoot();
checkMetadata(root).then(
  ({ findings, inventory, outputDir }) => {
    for (const finding of findings) {
      console.error(formatFinding(finding, root));
    }
    const rows = [...inventory].sort(([a], [b]) => a.localeCompare(b));
    for (const [type, members] of rows) {
      console.log(`  ${type.padEnd(26)} ${String(members.size).padStart(4)}`);
    }
    const total = rows.reduce((sum, [, members]) => sum + members.size, 0);
    console.log(
      `check:metadata: ${total} components converted to ${outputDir}, ${findings.length} problem(s)`
    );
    process.exitCode = findings.length === 0 ? 0 : 1;
  },
  (error: unknown) => {
    console.error(`check:metadata failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
);
