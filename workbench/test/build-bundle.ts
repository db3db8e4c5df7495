/**
 * Builds (or finds up to date in the cache) the workbench's components bundle: the tests' global setup runs it.
 */
import { projectRoot } from '../../tools/lib/files';
import { clientBundle } from '../server/bundle';

clientBundle({ projectRoot: projectRoot(__dirname) })
  .then((bundle) => {
    const how = bundle.buildMs === null ? 'up to date' : `built in ${(bundle.buildMs / 1000).toFixed(1)} s`;
    console.log(`\nWorkbench bundle ${how}: ${(bundle.bytes / 1e6).toFixed(1)} MB`);
  })
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
