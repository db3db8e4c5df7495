/**
 * Contacts in plausible org charts. Larger accounts have a CEO and C-levels at the top; smaller ones only the
 * part of the organisation we sell to. Every contact reports to someone above it in its own department, else in
 * the department it rolls up into, else to the CEO; tops of charts report to nobody.
 *
 * Real orgs hold bad hierarchies, and the political map must show it handles them, so a few contacts are flawed
 * on purpose: a contact whose manager is missing, and a contact of a subsidiary reporting to a senior contact of a
 * sibling subsidiary. Managers are always at a higher level than their reports (a C-level reports to the CEO), so
 * no chain can loop, flawed or not.
 */
import { phoneNumber } from './geography';
import type { AccountModel, ContactModel, Level, Segment } from './model';
import {
  department as departmentNamed,
  executiveDepartment,
  pickDepartments,
  pickWeightedDepartment,
  titleFor,
  EXECUTIVE,
  type Department
} from './org-chart';
import { externalIdObject, externalIdRecord, fit, optionalRef, pad, ref, slug } from './records';
import type { Random, Weighted } from './random';
import type { SeedObject } from './types';

interface Shape {
  contacts: [number, number];
  departments: [number, number];
  ceoChance: number;
  cLevels: [number, number];
  /** Weights of VP, Director, Manager and Individual contributor below the C-levels. */
  levels: [number, number, number, number];
  /** The CIO and an IT vice president, whom we sell to, are always known in larger accounts. */
  knownItLeaders: boolean;
}

const SHAPES: Record<Segment, Shape> = {
  key: {
    contacts: [18, 30],
    departments: [5, 8],
    ceoChance: 0.9,
    cLevels: [2, 4],
    levels: [15, 25, 30, 30],
    knownItLeaders: true
  },
  large: {
    contacts: [10, 16],
    departments: [3, 5],
    ceoChance: 0.4,
    cLevels: [1, 2],
    levels: [10, 25, 35, 30],
    knownItLeaders: true
  },
  mid: {
    contacts: [5, 9],
    departments: [2, 4],
    ceoChance: 0.1,
    cLevels: [0, 1],
    levels: [5, 30, 35, 30],
    knownItLeaders: false
  },
  small: {
    contacts: [2, 5],
    departments: [1, 3],
    ceoChance: 0.05,
    cLevels: [0, 1],
    levels: [5, 25, 35, 35],
    knownItLeaders: false
  }
};

/** Share of larger accounts with one contact whose manager was never entered. */
const MISSING_MANAGER_SHARE = 0.25;
/** Share of subsidiaries with one contact reporting into a sibling subsidiary. */
const SIBLING_MANAGER_SHARE = 0.3;

interface Position {
  level: Level;
  department: Department;
}

function positions(random: Random, segment: Segment): Position[] {
  const shape = SHAPES[segment];
  const count = random.int(...shape.contacts);
  const departments = pickDepartments(random, random.int(...shape.departments));
  const result: Position[] = [];
  if (random.chance(shape.ceoChance)) result.push({ level: 0, department: executiveDepartment() });
  const chiefs = random.int(...shape.cLevels);
  const [it, ...others] = departments as [Department, ...Department[]];
  const chiefDepartments = shape.knownItLeaders
    ? [it, ...random.sample(others, chiefs - 1)]
    : random.sample(departments, chiefs);
  for (const dept of chiefDepartments) result.push({ level: 0, department: dept });
  if (shape.knownItLeaders) result.push({ level: 1, department: it });
  const levelWeights: Weighted<Level>[] = shape.levels.map((weight, i) => ({
    value: (i + 1) as Level,
    weight
  }));
  while (result.length < count) {
    result.push({
      level: random.weighted(levelWeights),
      department: pickWeightedDepartment(random, departments)
    });
  }
  // Top-down, the CEO first: everyone's manager is placed before them.
  return result.sort((a, b) => a.level - b.level || rankInLevel(a) - rankInLevel(b));
}

function rankInLevel(position: Position): number {
  return position.department.name === EXECUTIVE ? 0 : 1;
}

/** The closest contact above `level` among `candidates`, picked at random among equals. */
function closestAbove(
  random: Random,
  candidates: readonly ContactModel[],
  level: Level
): ContactModel | null {
  const above = candidates.filter((c) => c.level < level);
  if (above.length === 0) return null;
  const nearest = Math.max(...above.map((c) => c.level));
  return random.pick(above.filter((c) => c.level === nearest));
}

/** Own department first, then the departments it rolls up into, then the CEO. */
function managerOf(random: Random, placed: readonly ContactModel[], position: Position): ContactModel | null {
  if (position.level === 0 && position.department.name === EXECUTIVE) return null;
  let dept: Department | null = position.department;
  const visited = new Set<string>();
  while (dept !== null && !visited.has(dept.name)) {
    visited.add(dept.name);
    const name = dept.name;
    const inDept = placed.filter((c) => c.department === name);
    const found = closestAbove(random, inDept, position.level);
    if (found !== null) return found;
    dept = dept.name === EXECUTIVE ? null : departmentNamed(dept.reportsInto);
  }
  return placed.find(isCeo) ?? null;
}

function uniqueEmail(taken: Set<string>, first: string, last: string, domain: string): string {
  const base = `${slug(first)}.${slug(last)}`;
  let local = base;
  for (let n = 2; taken.has(local); n++) local = `${base}${n}`;
  taken.add(local);
  return `${local}@${domain}`;
}

function orgChart(random: Random, account: AccountModel): ContactModel[] {
  const contacts: ContactModel[] = [];
  positions(random, account.segment).forEach((position, index) => {
    const manager = managerOf(random, contacts, position);
    contacts.push({
      key: `cont-${pad(account.number, 4)}-${pad(index + 1, 2)}`,
      account,
      firstName: random.faker.person.firstName(),
      lastName: random.faker.person.lastName(),
      level: position.level,
      department: position.department.name,
      title: titleFor(random, position.department, position.level),
      reportsToKey: manager?.key ?? null
    });
  });
  return contacts;
}

/** One contact of a larger account loses its manager, as if nobody ever entered it. */
function dropOneManager(random: Random, contacts: readonly ContactModel[]): void {
  const candidates = contacts.filter((c) => c.reportsToKey !== null && c.level >= 2);
  if (candidates.length > 0) random.pick(candidates).reportsToKey = null;
}

/** A manager or individual contributor of a subsidiary reports to a senior contact of a sibling subsidiary. */
function crossToSibling(
  random: Random,
  contacts: readonly ContactModel[],
  sibling: readonly ContactModel[]
): boolean {
  const juniors = contacts.filter((c) => c.level >= 3);
  const seniors = sibling.filter((c) => c.level <= 2);
  if (juniors.length === 0 || seniors.length === 0) return false;
  random.pick(juniors).reportsToKey = random.pick(seniors).key;
  return true;
}

function isCeo(contact: ContactModel): boolean {
  return contact.level === 0 && contact.department === EXECUTIVE;
}

function addFlaws(
  random: Random,
  accounts: readonly AccountModel[],
  byAccount: Map<string, ContactModel[]>
): void {
  let missingDone = false;
  let siblingDone = false;
  for (const account of accounts) {
    const contacts = byAccount.get(account.key) ?? [];
    const eligible = missingDone ? random.chance(MISSING_MANAGER_SHARE) : contacts.some(isCeo);
    if (contacts.length >= 6 && eligible) {
      dropOneManager(random, contacts);
      missingDone = true;
    }
    if (account.parentKey === null) continue;
    const siblings = accounts.filter((a) => a.parentKey === account.parentKey && a.key !== account.key);
    if (siblings.length === 0 || (siblingDone && !random.chance(SIBLING_MANAGER_SHARE))) continue;
    const sibling = byAccount.get(random.pick(siblings).key) ?? [];
    siblingDone = crossToSibling(random, contacts, sibling) || siblingDone;
  }
}

export interface GeneratedContacts {
  byAccount: Map<string, ContactModel[]>;
  object: SeedObject;
}

export function generateContacts(random: Random, accounts: readonly AccountModel[]): GeneratedContacts {
  const byAccount = new Map<string, ContactModel[]>();
  for (const account of accounts) byAccount.set(account.key, orgChart(random, account));
  addFlaws(random, accounts, byAccount);
  const records = accounts.flatMap((account) => {
    const emails = new Set<string>();
    return (byAccount.get(account.key) ?? []).map((contact) =>
      externalIdRecord(
        contact.key,
        {
          FirstName: fit(contact.firstName, 40),
          LastName: fit(contact.lastName, 80),
          Title: fit(contact.title, 128),
          Department: contact.department,
          Email: random.chance(0.92)
            ? uniqueEmail(emails, contact.firstName, contact.lastName, account.domain)
            : undefined,
          Phone: random.chance(0.8) ? phoneNumber(random, account.place) : undefined,
          MobilePhone:
            contact.level <= 2 && random.chance(0.4) ? phoneNumber(random, account.place) : undefined,
          MailingCity: fit(account.place.city, 40),
          MailingState: account.place.state,
          MailingCountry: account.place.country
        },
        {
          AccountId: ref('Account', account.key),
          ReportsToId: optionalRef('Contact', contact.reportsToKey),
          OwnerId: ref('User', account.ownerKey)
        }
      )
    );
  });
  return { byAccount, object: externalIdObject('Contact', records, ['ReportsToId']) };
}
