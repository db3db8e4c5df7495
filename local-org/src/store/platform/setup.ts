/**
 * What a new org starts with: Salesforce's default opportunity stages and one active System Administrator, the
 * user the API acts as. No roles exist (the administrator has none). Later opens find the administrator again.
 */
import { INTERNAL } from '../ddl';
import { writeClock, type CreateDefaults } from '../defaults';
import type { OrgModel } from '../model';
import { insertRows, newIds } from '../persist';
import type { Row, SqlClient } from '../sql';
import { defaultStageRecords } from './stages';

const CURRENT_USER_SETTING = 'currentUserId';
/** Profiles are not in the catalog: the administrator's profile id has Profile's real key prefix. */
const PROFILE_KEY_PREFIX = '00e';

const ADMINISTRATOR: Row = {
  Username: 'admin@atlas.local',
  FirstName: 'Atlas',
  LastName: 'Admin',
  Name: 'Atlas Admin',
  Email: 'admin@atlas.local',
  Alias: 'admin',
  CommunityNickname: 'admin',
  IsActive: true,
  UserType: 'Standard',
  TimeZoneSidKey: 'GMT',
  LocaleSidKey: 'en_US',
  EmailEncodingKey: 'UTF-8',
  LanguageLocaleKey: 'en_US'
};

async function storedUserId(db: SqlClient): Promise<string | undefined> {
  const { rows } = await db.query<{ value: string }>(
    `SELECT value FROM ${INTERNAL.settings} WHERE key = $1`,
    [CURRENT_USER_SETTING]
  );
  return rows[0]?.value;
}

/** Creates the org's initial records on first open; returns the administrator's user id. */
export async function setUpOrg(
  db: SqlClient,
  model: OrgModel,
  defaults: CreateDefaults,
  now: Date
): Promise<string> {
  const existing = await storedUserId(db);
  if (existing !== undefined) return existing;
  const userObject = model.requireObject('User');
  const [userId = '', profileId = ''] = [
    ...(await newIds(db, userObject.descriptor.keyPrefix, 1)),
    ...(await newIds(db, PROFILE_KEY_PREFIX, 1))
  ];
  const clock = writeClock(now, userId);
  const user = defaults.newRow(userObject, { ...ADMINISTRATOR, Id: userId, ProfileId: profileId }, clock);
  await insertRows(db, userObject, [user]);

  const stageObject = model.requireObject('OpportunityStage');
  const stages = defaultStageRecords();
  const stageIds = await newIds(db, stageObject.descriptor.keyPrefix, stages.length);
  const stageRows = stages.map((stage, index) =>
    defaults.newRow(stageObject, { ...stage, Id: stageIds[index] ?? null }, clock)
  );
  await insertRows(db, stageObject, stageRows);
  await db.query(`INSERT INTO ${INTERNAL.settings} (key, value) VALUES ($1, $2)`, [
    CURRENT_USER_SETTING,
    userId
  ]);
  return userId;
}
