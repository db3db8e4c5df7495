/**
 * Access tokens: one random token per data folder, persisted beside the database; an in-memory org gets a fresh one.
 * Every `/services` call must carry it as `Authorization: Bearer <token>` (or `OAuth <token>`).
 */
import { randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { composeId } from '../ids';

export interface OrgCredentials {
  accessToken: string;
  /** The org's 18-character id (key prefix 00D). */
  orgId: string;
}

const CREDENTIALS_FILE = 'credentials.json';

function newCredentials(): OrgCredentials {
  const accessToken = `00D!${randomBytes(32).toString('base64url')}`;
  return { accessToken, orgId: composeId('00D', randomInt(1, 1_000_000_000)) };
}

function isCredentials(value: unknown): value is OrgCredentials {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const candidate = value as Partial<OrgCredentials>;
  return typeof candidate.accessToken === 'string' && typeof candidate.orgId === 'string';
}

/** Loads the data folder's credentials, creating them (mode 0600) on first use; in memory without a folder. */
export async function loadOrCreateCredentials(dataDir: string | undefined): Promise<OrgCredentials> {
  if (dataDir === undefined) {
    return newCredentials();
  }
  const file = join(dataDir, CREDENTIALS_FILE);
  try {
    const stored: unknown = JSON.parse(await readFile(file, 'utf8'));
    if (isCredentials(stored)) {
      return stored;
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new Error(`Cannot read the local org's credentials in ${file}: ${(error as Error).message}`, {
        cause: error
      });
    }
  }
  const credentials = newCredentials();
  await mkdir(dataDir, { recursive: true });
  await writeFile(file, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
  await chmod(file, 0o600);
  return credentials;
}

/** The token of an `Authorization` header (`Bearer x` or `OAuth x`), or null. */
export function tokenFromHeader(header: string | undefined): string | null {
  const match = header ? /^(?:Bearer|OAuth)\s+(\S+)\s*$/i.exec(header) : null;
  return match?.[1] ?? null;
}

export function isValidToken(presented: string | null, expected: string): boolean {
  if (presented === null) {
    return false;
  }
  const a = Buffer.from(presented);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
