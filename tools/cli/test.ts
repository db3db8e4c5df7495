import { runAll } from '../test/run-all';
import { projectRoot } from '../lib/files';

runAll(projectRoot()).then((results) => {
  process.exitCode = results.every((result) => result.ok) ? 0 : 1;
});
