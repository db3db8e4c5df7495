/**
 * The seed data generator: a pure function from options to a dataset. Same options, byte-identical JSON; no I/O,
 * no clock (every date is placed relative to `anchorDate`), no stage names (the org's stages come in `stages`).
 *
 * Families of objects are generated in dependency order, each from its own random stream; activities come last
 * because they fill the record budget of the scale (see scale.ts for the counts per scale).
 */
import { generateAccounts } from './accounts';
import { generateActivities } from './activities';
import { generateCompetitors } from './competitors';
import { generateContactRoles } from './contact-roles';
import { generateContacts } from './contacts';
import { parseDay } from './dates';
import { generateHistory } from './history';
import type { OpportunityModel, PlanModel, UserModel, UserRole } from './model';
import { generateObjectives } from './objectives';
import { generateOpportunities } from './opportunities';
import { generatePlans } from './plans';
import { generatePoliticalMaps } from './political-map';
import { generateProducts } from './products';
import { Random } from './random';
import { resolveScale } from './scale';
import { readStages } from './stages';
import { generateTargets } from './targets';
import type { GenerateOptions, SeedDataset, SeedObject } from './types';
import { generateUsers, rotation, usersWithRole } from './users';
import { generateWhiteSpace } from './white-space';
import { withSourcePrefix } from './source-prefix';

export { countRecords, datasetDigest } from './digest';
export { MAX_RECORDS, MIN_RECORDS } from './scale';
export type * from './types';

function onlyUser(users: readonly UserModel[], role: UserRole): UserModel {
  const [user] = usersWithRole(users, role);
  if (user === undefined) throw new Error(`the team has no ${role} user`);
  return user;
}

function byAccount(opportunities: readonly OpportunityModel[]): Map<string, OpportunityModel[]> {
  const grouped = new Map<string, OpportunityModel[]>();
  for (const o of opportunities) {
    const list = grouped.get(o.account.key);
    if (list === undefined) grouped.set(o.account.key, [o]);
    else list.push(o);
  }
  return grouped;
}

function currentPlansByAccount(plans: readonly PlanModel[]): Map<string, PlanModel> {
  return new Map(plans.filter((p) => p.isCurrent).map((p) => [p.account.key, p]));
}

export function generateDataset(options: GenerateOptions): SeedDataset {
  if (!Number.isSafeInteger(options.seed))
    throw new RangeError(`seed must be a whole number, got ${options.seed}`);
  const anchor = parseDay(options.anchorDate);
  const stages = readStages(options.stages);
  const profile = resolveScale(options.scale);
  const stream = (name: string): Random => new Random(options.seed, name);

  const users = generateUsers(stream('users'), profile);
  const products = generateProducts();
  const competitors = generateCompetitors(onlyUser(users.users, 'Sales Operations'));
  const accounts = generateAccounts(stream('accounts'), profile, users.users);
  const contacts = generateContacts(stream('contacts'), accounts.accounts);
  const contactsByAccount = contacts.byAccount;
  const opportunities = generateOpportunities(
    stream('opportunities'),
    accounts.accounts,
    products.products,
    competitors.competitors,
    users.users,
    stages,
    anchor
  );
  const opportunitiesByAccount = byAccount(opportunities.opportunities);
  const history = generateHistory(stream('history'), opportunities.opportunities);
  const contactRoles = generateContactRoles(
    stream('contact-roles'),
    opportunities.opportunities,
    contactsByAccount
  );

  const keyAccounts = accounts.accounts.filter((a) => a.segment === 'key');
  const plans = generatePlans(
    {
      random: stream('plans'),
      anchor,
      contactsByAccount,
      opportunitiesByAccount,
      competitors: competitors.competitors,
      sponsor: rotation(usersWithRole(users.users, 'Sales Manager'))
    },
    keyAccounts
  );
  const whiteSpace = generateWhiteSpace(
    { random: stream('white-space'), anchor, products: products.products, opportunitiesByAccount },
    plans.plans
  );
  const objectives = generateObjectives(
    { random: stream('objectives'), anchor, marketingUser: onlyUser(users.users, 'Marketing') },
    plans.plans
  );
  const currentPlans = currentPlansByAccount(plans.plans);
  const maps = generatePoliticalMaps(
    { random: stream('political-maps'), contactsByAccount, opportunitiesByAccount, currentPlans },
    keyAccounts
  );
  const targets = generateTargets(stream('targets'), users.users, opportunities.opportunities, anchor);

  const beforeActivities: SeedObject[] = [
    users.object,
    products.object,
    competitors.object,
    accounts.object,
    contacts.object,
    opportunities.object,
    history,
    contactRoles,
    plans.objects.plans,
    plans.objects.buyingCenters,
    plans.objects.accountCompetitors,
    whiteSpace,
    objectives.objectives,
    objectives.strategies,
    objectives.actions,
    maps.stakeholders,
    maps.influenceLines
  ];
  const used = beforeActivities.reduce((sum, o) => sum + o.records.length, 0) + targets.records.length;
  const activities = generateActivities(
    { random: stream('activities'), anchor, stages, contactsByAccount },
    accounts.accounts,
    opportunitiesByAccount,
    [...currentPlans.values()],
    profile.records - used
  );
  return {
    seed: options.seed,
    scale: options.scale,
    anchorDate: options.anchorDate,
    objects: withSourcePrefix([...beforeActivities, activities.tasks, activities.events, targets])
  };
}
