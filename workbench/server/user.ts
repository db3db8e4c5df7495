/**
 * Who the workbench signs in as. The local org's API user owns no deals, so by default the workbench signs in as
 * the seeded sales rep who owns the most open opportunities (an active user), which makes "my pipeline" worth
 * looking at; `ATLAS_USER=<user id>` picks anyone else. Twins take this user as `UserInfo.getUserId()`.
 */
import type { Connection } from 'jsforce';

export interface SignedInUser {
  id: string;
  name: string;
  /** How the user was chosen, for the page and the start-up log. */
  reason: string;
}

const USER_ID = /^005[a-zA-Z0-9]{12}(?:[a-zA-Z0-9]{3})?$/;

async function userNamed(
  connection: Connection,
  id: string
): Promise<{ Id: string; Name: string; IsActive: boolean } | undefined> {
  const result = await connection.query<{ Id: string; Name: string; IsActive: boolean }>(
    `SELECT Id, Name, IsActive FROM User WHERE Id = '${id}'`
  );
  return result.records[0];
}

export async function signedInUser(connection: Connection, requested?: string): Promise<SignedInUser> {
  if (requested !== undefined && requested.trim() !== '') {
    const id = requested.trim();
    const user = USER_ID.test(id) ? await userNamed(connection, id) : undefined;
    if (user === undefined) {
      throw new Error(`ATLAS_USER=${id} is not a user of the org`);
    }
    return { id: user.Id, name: user.Name, reason: 'chosen with ATLAS_USER' };
  }
  const owners = await connection.query<{ OwnerId: string }>(
    'SELECT OwnerId, COUNT(Id) deals FROM Opportunity WHERE IsClosed = false AND Owner.IsActive = true ' +
      'GROUP BY OwnerId ORDER BY COUNT(Id) DESC, OwnerId LIMIT 1'
  );
  const ownerId = owners.records[0]?.OwnerId;
  if (ownerId !== undefined) {
    const owner = await userNamed(connection, ownerId);
    if (owner !== undefined) {
      return { id: owner.Id, name: owner.Name, reason: 'the active user owning the most open opportunities' };
    }
  }
  const identity = await connection.identity();
  return {
    id: identity.user_id,
    name: identity.display_name,
    reason: 'the API user (nobody owns open opportunities)'
  };
}
