/**
 * Our sales team: reps, account managers, sales managers, one sales operations user and one marketing user.
 *
 * Users are licences. The loader creates these users only in the local org; in a real org it maps them round-robin
 * onto the org's existing active users (in this list's order) and never creates or modifies a user there. That is
 * also why no user field points to another user (ManagerId) and why ProfileId is left to the loader: profiles are
 * the org's own.
 */
import type { ScaleProfile } from './scale';
import type { Region, UserModel, UserRole } from './model';
import { fit, slug } from './records';
import type { Random } from './random';
import type { SeedObject, SeedRecord } from './types';

interface Office {
  region: Region;
  timeZone: string;
  locale: string;
}

const OFFICES: Record<Region, Office[]> = {
  Americas: [
    { region: 'Americas', timeZone: 'America/New_York', locale: 'en_US' },
    { region: 'Americas', timeZone: 'America/Chicago', locale: 'en_US' },
    { region: 'Americas', timeZone: 'America/Los_Angeles', locale: 'en_US' }
  ],
  EMEA: [
    { region: 'EMEA', timeZone: 'Europe/London', locale: 'en_GB' },
    { region: 'EMEA', timeZone: 'Europe/Berlin', locale: 'de_DE' },
    { region: 'EMEA', timeZone: 'Europe/Paris', locale: 'fr_FR' }
  ],
  APAC: [
    { region: 'APAC', timeZone: 'Asia/Singapore', locale: 'en_SG' },
    { region: 'APAC', timeZone: 'Australia/Sydney', locale: 'en_AU' }
  ]
};

/** Sellers are spread over regions in this rotation: 40% Americas, 40% EMEA, 20% APAC. */
const REGION_ROTATION: readonly Region[] = ['Americas', 'EMEA', 'APAC', 'Americas', 'EMEA'];

interface Seat {
  role: UserRole;
  title: string;
  department: string;
  region: Region;
}

function sellerSeats(role: UserRole, count: number, title: (index: number) => string): Seat[] {
  return Array.from({ length: count }, (_, index) => ({
    role,
    title: title(index),
    department: 'Sales',
    region: REGION_ROTATION[index % REGION_ROTATION.length] as Region
  }));
}

/** The team grows with the number of accounts: about one rep per 14 accounts, one manager per 8 sellers. */
function seats(profile: ScaleProfile): Seat[] {
  const reps = Math.max(3, Math.round(profile.accounts / 14));
  const accountManagers = Math.max(2, Math.ceil(profile.keyAccounts / 3));
  const managers = Math.max(2, Math.round((reps + accountManagers) / 8));
  return [
    ...sellerSeats('Sales Manager', managers, (i) =>
      i === 0 ? 'Vice President of Sales' : 'Regional Sales Director'
    ),
    ...sellerSeats('Account Manager', accountManagers, (i) =>
      i % 3 === 0 ? 'Global Account Director' : 'Key Account Manager'
    ),
    ...sellerSeats('Sales Rep', reps, (i) =>
      i % 4 === 0 ? 'Senior Account Executive' : 'Account Executive'
    ),
    {
      role: 'Sales Operations',
      title: 'Sales Operations Manager',
      department: 'Sales Operations',
      region: 'Americas'
    },
    { role: 'Marketing', title: 'Account-Based Marketing Manager', department: 'Marketing', region: 'EMEA' }
  ];
}

export interface GeneratedUsers {
  users: UserModel[];
  object: SeedObject;
}

export function generateUsers(random: Random, profile: ScaleProfile): GeneratedUsers {
  const taken = new Set<string>();
  const users: UserModel[] = [];
  const records: SeedRecord[] = [];
  for (const seat of seats(profile)) {
    const firstName = random.faker.person.firstName();
    const lastName = random.faker.person.lastName();
    const base = `${slug(firstName)}.${slug(lastName)}`;
    let local = base;
    for (let n = 2; taken.has(local); n++) local = `${base}${n}`;
    taken.add(local);
    const username = `${local}.seed@atlas.example`;
    const office = random.pick(OFFICES[seat.region]);
    users.push({ key: username, role: seat.role, region: seat.region });
    records.push({
      key: username,
      fields: {
        Username: username,
        FirstName: fit(firstName, 40),
        LastName: fit(lastName, 80),
        Alias: `${slug(firstName).charAt(0)}${slug(lastName)}`.slice(0, 8),
        Email: `${local}@atlas.example`,
        Title: seat.title,
        Department: seat.department,
        Division: seat.region,
        IsActive: true,
        TimeZoneSidKey: office.timeZone,
        LocaleSidKey: office.locale,
        EmailEncodingKey: 'UTF-8',
        LanguageLocaleKey: 'en_US'
      },
      references: {}
    });
  }
  return { users, object: { object: 'User', keyField: 'Username', selfReferences: [], records } };
}

/** Users of `role`, in the order the loader maps them. */
export function usersWithRole(users: readonly UserModel[], role: UserRole): UserModel[] {
  return users.filter((u) => u.role === role);
}

/**
 * Hands out users of one role in turn, preferring users of the record's region: owners spread evenly, and a
 * German account is owned by a seller in EMEA.
 */
export function rotation(users: readonly UserModel[]): (region: Region) => UserModel {
  const turns = new Map<Region | 'any', number>();
  return (region) => {
    const local = users.filter((u) => u.region === region);
    const pool = local.length > 0 ? local : users;
    const turnKey = local.length > 0 ? region : 'any';
    const turn = turns.get(turnKey) ?? 0;
    turns.set(turnKey, turn + 1);
    const user = pool[turn % pool.length];
    if (user === undefined) throw new Error('no users to hand out');
    return user;
  };
}
