/**
 * Stand-ins for the Apex modules of the pipeline-health components. Jest hoists `jest.mock` above the imports, so
 * each test file keeps its own calls and builds the module they return here, through `jest.requireActual`:
 *
 *   jest.mock('@salesforce/apex/Controller.method', () => jest.requireActual('…/apexMocks').wiredApexModule(),
 *     { virtual: true });
 */

/** What a test does with the wire adapter standing in for a wired Apex method. */
export interface TestWireAdapter {
  emit(value: unknown): void;
  error(body?: unknown, status?: number, statusText?: string): void;
  getLastConfig(): Record<string, unknown>;
}

interface LwcJest {
  createApexTestWireAdapter(fn: jest.Mock): TestWireAdapter;
}

/** The module of a wired Apex method: a test wire adapter as its default export. */
export function wiredApexModule(): { default: TestWireAdapter } {
  const { createApexTestWireAdapter } = jest.requireActual<LwcJest>('@salesforce/sfdx-lwc-jest');
  return { default: createApexTestWireAdapter(jest.fn()) };
}

/** `@salesforce/apex`, whose `refreshApex` resolves at once. */
export function apexModule(): { refreshApex: jest.Mock<Promise<void>> } {
  return { refreshApex: jest.fn(() => Promise.resolve()) };
}
