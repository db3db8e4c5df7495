/**
 * Jest setup for the node project: a browser test (`*.browser.test.ts`) starts a local org, seeds it and drives
 * Chromium, so each of its tests and hooks may take minutes, not the default seconds.
 */
const BROWSER_TEST_TIMEOUT_MS = 180_000;

if (expect.getState().testPath?.endsWith('.browser.test.ts')) {
  jest.setTimeout(BROWSER_TEST_TIMEOUT_MS);
}
