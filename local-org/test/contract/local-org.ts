/**
 * Starts the local org in-process for a contract test file: port 0, in-memory store (the real one), and a jsforce 3
 * Connection exactly as scripts make one.
 */
import { Connection } from 'jsforce';
import { resolve } from 'node:path';
import { startLocalOrg, type LocalOrg } from '../../src/server';
import type { SObjectRecord } from '../../src/contracts';

export const PROJECT_ROOT = resolve(__dirname, '../../..');

export interface ContractOrg {
  org: LocalOrg;
  conn: Connection;
}

export async function startContractOrg(): Promise<ContractOrg> {
  const org = await startLocalOrg({ projectRoot: PROJECT_ROOT, port: 0, faults: {} });
  const conn = new Connection({
    instanceUrl: org.instanceUrl,
    accessToken: org.accessToken,
    version: '66.0'
  });
  return { org, conn };
}

/** Writes records straight into the store, 200 at a time, for fixtures that are not what a test is about. */
export async function seed(org: LocalOrg, objectName: string, records: SObjectRecord[]): Promise<string[]> {
  const ids: string[] = [];
  for (let start = 0; start < records.length; start += 200) {
    const results = await org.store.create(objectName, records.slice(start, start + 200), {
      allOrNone: true
    });
    for (const result of results) {
      if (!result.success || !result.id) {
        throw new Error(`fixture insert failed: ${JSON.stringify(result.errors)}`);
      }
      ids.push(result.id);
    }
  }
  return ids;
}

/** The errorCode of a jsforce failure (request-level errors). */
export async function errorCodeOf(promise: PromiseLike<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return String((error as { errorCode?: unknown }).errorCode);
  }
  throw new Error('expected the call to fail');
}
