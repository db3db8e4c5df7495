/**
 * Users are licences. In the local org the dataset's users are created like any other record; in a real org they
 * are never created or changed: each dataset user is mapped, round-robin in the dataset's order, onto the org's
 * active standard users sorted by username, and every record owned by a dataset user goes to its mapped user.
 */
import type { OrgApi } from '../lib/api';
import { InputError } from '../lib/errors';
import { queryAll, stringValue } from '../lib/query';
import { SETUP } from '../lib/target';
import type { SeedDataset, SeedObject } from './generator/types';

export const USER_OBJECT = 'User';

export interface OrgUser {
  id: string;
  username: string;
}

/** Dataset user keys → org user Ids: the first key to the first user, and so on, starting over when they run out. */
export function roundRobin(keys: string[], users: OrgUser[]): Map<string, string> {
  if (users.length === 0) {
    throw new Error('Round-robin needs at least one user');
  }
  return new Map(keys.map((key, index) => [key, (users[index % users.length] as OrgUser).id]));
}

export async function activeStandardUsers(api: OrgApi): Promise<OrgUser[]> {
  const records = await queryAll(
    api,
    SETUP,
    "SELECT Id, Username FROM User WHERE IsActive = true AND UserType = 'Standard' ORDER BY Username"
  );
  if (records.length === 0) {
    throw new InputError('The org has no active standard users to own the seeded records.');
  }
  return records.map((record) => ({
    id: stringValue(record, 'Id'),
    username: stringValue(record, 'Username')
  }));
}

export function userObject(dataset: SeedDataset): SeedObject | undefined {
  return dataset.objects.find((object) => object.object === USER_OBJECT);
}

/**
 * The local org has no Profile records to choose from: new users get the profile of the org's first user (the
 * administrator the local org is created with).
 */
export async function giveLocalUsersAProfile(api: OrgApi, users: SeedObject): Promise<void> {
  const [first] = await queryAll(
    api,
    SETUP,
    'SELECT ProfileId FROM User WHERE ProfileId != null ORDER BY CreatedDate LIMIT 1'
  );
  const profileId = first?.ProfileId;
  if (typeof profileId !== 'string') {
    return;
  }
  for (const record of users.records) {
    record.fields.ProfileId ??= profileId;
  }
}
