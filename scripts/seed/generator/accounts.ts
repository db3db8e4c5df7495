/**
 * Customer and prospect accounts. A few corporate groups have a global parent (a key account) with regional or
 * divisional subsidiaries, and divisional groups sometimes a regional unit below a division (three levels); the
 * other accounts stand alone, the largest of them key accounts too. Key accounts are owned by account managers,
 * the others by reps of the account's region.
 */
import { phoneNumber, pickMarket, pickMarkets, pickPlace, type Market, type Place } from './geography';
import { pickIndustry, type Industry } from './industries';
import type { AccountModel, Region, Segment, UserModel } from './model';
import type { ScaleProfile } from './scale';
import { externalIdObject, externalIdRecord, fit, optionalRef, pad, ref, roundTo, slug } from './records';
import type { Random } from './random';
import type { SeedObject, SeedRecord } from './types';
import { rotation, usersWithRole } from './users';

/** Share of key accounts that are the global parent of a group; the other key accounts stand alone. */
const GROUP_SHARE_OF_KEY_ACCOUNTS = 0.6;

interface Company {
  name: string;
  brand: string;
  industry: Industry;
  market: Market;
  place: Place;
  domain: string;
}

interface Employees {
  min: number;
  max: number;
}

const EMPLOYEES: Record<Segment, Employees> = {
  key: { min: 20_000, max: 160_000 },
  large: { min: 3_000, max: 20_000 },
  mid: { min: 400, max: 3_000 },
  small: { min: 40, max: 400 }
};

const CUSTOMER_SHARE: Record<Segment, number> = { key: 1, large: 0.85, mid: 0.65, small: 0.5 };

class AccountBuilder {
  readonly accounts: AccountModel[] = [];
  readonly records: SeedRecord[] = [];
  private readonly brands = new Set<string>();
  private readonly random: Random;
  private readonly keyOwner: (region: Region) => UserModel;
  private readonly repOwner: (region: Region) => UserModel;

  constructor(random: Random, users: readonly UserModel[]) {
    this.random = random;
    this.keyOwner = rotation(usersWithRole(users, 'Account Manager'));
    this.repOwner = rotation(usersWithRole(users, 'Sales Rep'));
  }

  get count(): number {
    return this.accounts.length;
  }

  company(): Company {
    const industry = pickIndustry(this.random);
    let brand = this.random.faker.person.lastName();
    for (let attempt = 0; this.brands.has(brand) && attempt < 20; attempt++) {
      brand = this.random.faker.person.lastName();
    }
    if (this.brands.has(brand)) brand = `${brand}-${this.random.faker.person.lastName()}`;
    this.brands.add(brand);
    const suffix = this.random.pick(industry.nameSuffixes);
    const market = pickMarket(this.random);
    return {
      name: `${brand} ${suffix}`,
      brand,
      industry,
      market,
      place: pickPlace(this.random, market),
      domain: `${slug(brand)}${slug(suffix)}.example`
    };
  }

  add(company: Company, name: string, segment: Segment, parent: AccountModel | null): AccountModel {
    const number = this.accounts.length + 1;
    const isKey = segment === 'key';
    const isCustomer = this.random.chance(CUSTOMER_SHARE[segment]);
    const region = company.market.region;
    const owner = isKey ? this.keyOwner(region) : this.repOwner(region);
    const account: AccountModel = {
      key: `acct-${pad(number, 4)}`,
      number,
      name: fit(name, 255),
      industry: company.industry.name,
      segment,
      isCustomer,
      parentKey: parent?.key ?? null,
      ownerKey: owner.key,
      region,
      place: company.place,
      domain: company.domain
    };
    this.accounts.push(account);
    this.records.push(this.record(account, company, parent));
    return account;
  }

  /** Smaller customers often buy through a reseller; large ones buy direct. */
  private customerType(segment: Segment): string {
    const viaChannel = (segment === 'mid' || segment === 'small') && this.random.chance(0.25);
    return viaChannel ? 'Customer - Channel' : 'Customer - Direct';
  }

  private record(account: AccountModel, company: Company, parent: AccountModel | null): SeedRecord {
    const employees = this.random.int(EMPLOYEES[account.segment].min, EMPLOYEES[account.segment].max);
    const revenuePerEmployee = this.random.int(120_000, 420_000);
    const revenue = employees * revenuePerEmployee;
    const isPublic = parent === null && account.segment !== 'small' && this.random.chance(0.5);
    const ownership = parent !== null ? 'Subsidiary' : isPublic ? 'Public' : 'Private';
    const place = company.place;
    return externalIdRecord(
      account.key,
      {
        Name: account.name,
        Type: account.isCustomer ? this.customerType(account.segment) : 'Prospect',
        Industry: account.industry,
        BillingStreet: this.random.faker.location.streetAddress(),
        BillingCity: fit(place.city, 40),
        BillingState: place.state,
        BillingCountry: place.country,
        Phone: phoneNumber(this.random, place),
        Website: `https://www.${account.domain}`,
        NumberOfEmployees: roundTo(employees, employees >= 1_000 ? 100 : 10),
        AnnualRevenue: roundTo(revenue, revenue >= 100_000_000 ? 1_000_000 : 100_000),
        Ownership: ownership,
        TickerSymbol: isPublic ? slug(company.brand).slice(0, 4).toUpperCase() : undefined,
        Description: account.segment === 'key' ? keyAccountDescription(company) : undefined
      },
      { ParentId: optionalRef('Account', parent?.key), OwnerId: ref('User', account.ownerKey) }
    );
  }
}

/** Key accounts are global parents or large standalone companies. */
function keyAccountDescription(company: Company): string {
  return (
    `${company.industry.name} group headquartered in ${company.place.city}, ${company.place.country}. ` +
    'Group IT and procurement buy centrally; business units run their own data projects.'
  );
}

function addGroup(builder: AccountBuilder, random: Random, maxSubsidiaries: number): void {
  const company = builder.company();
  const regional = random.chance(0.6);
  // "Hayes Transport Group" runs "Hayes Transport Benelux"; "Steuber Group" runs "Steuber Dairy".
  const parentName = `${regional ? company.name : company.brand} Group`;
  const parent = builder.add(company, parentName, 'key', null);
  const subsidiaries = Math.min(maxSubsidiaries, random.int(2, 4));
  if (regional) {
    for (const market of pickMarkets(random, subsidiaries)) {
      const place = pickPlace(random, market);
      const local = { ...company, market, place };
      builder.add(local, `${company.name} ${market.name}`, random.chance(0.6) ? 'large' : 'mid', parent);
    }
    return;
  }
  const divisions = random.sample(company.industry.divisions, subsidiaries);
  divisions.forEach((division, index) => {
    const divisional = builder.add(company, `${company.brand} ${division}`, 'large', parent);
    const roomForUnit = subsidiaries + 1 <= maxSubsidiaries;
    if (index === 0 && roomForUnit && random.chance(0.5)) {
      const market = pickMarket(random);
      const unit = { ...company, market, place: pickPlace(random, market) };
      builder.add(unit, `${company.brand} ${division} ${market.name}`, 'mid', divisional);
    }
  });
}

function standaloneSegment(random: Random): Segment {
  return random.weighted([
    { value: 'large', weight: 12 },
    { value: 'mid', weight: 45 },
    { value: 'small', weight: 43 }
  ]);
}

export interface GeneratedAccounts {
  accounts: AccountModel[];
  object: SeedObject;
}

export function generateAccounts(
  random: Random,
  profile: ScaleProfile,
  users: readonly UserModel[]
): GeneratedAccounts {
  const builder = new AccountBuilder(random, users);
  const groups = Math.max(1, Math.round(profile.keyAccounts * GROUP_SHARE_OF_KEY_ACCOUNTS));
  const standaloneKeyAccounts = profile.keyAccounts - groups;
  for (let g = 0; g < groups; g++) {
    const left = profile.accounts - builder.count - standaloneKeyAccounts - (groups - g - 1) * 3;
    addGroup(builder, random, Math.max(1, left - 1));
  }
  for (let k = 0; k < standaloneKeyAccounts; k++) {
    const company = builder.company();
    builder.add(company, company.name, 'key', null);
  }
  while (builder.count < profile.accounts) {
    const company = builder.company();
    builder.add(company, company.name, standaloneSegment(random), null);
  }
  return { accounts: builder.accounts, object: externalIdObject('Account', builder.records, ['ParentId']) };
}
