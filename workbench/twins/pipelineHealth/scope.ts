/**
 * Scopes of the pipeline-health twin, as PipelineHealthService resolves them: a scope name and a record become the
 * Opportunity filter every query of the request uses, and the sellers whose targets and snapshots count.
 *
 * | scope     | filter on Opportunity                                                 | sellers                   |
 * | --------- | --------------------------------------------------------------------- | ------------------------- |
 * | `mine`    | `OwnerId = :userId`                                                   | the user                  |
 * | `team`    | `(OwnerId = :userId OR Owner.ManagerId = :userId)`                    | the user and their reports |
 * | `account` | `AccountId = :accountId` (the record's Account, or the Opportunity's) | none: no target           |
 * | `all`     | none                                                                  | everyone (no filter)      |
 */
import { AuraHandledError, type TwinContext } from '../context';
import { idLiteral, queryAll } from '../soql';

export type ScopeKind = 'mine' | 'team' | 'account' | 'all';

export const SCOPE_KINDS: readonly ScopeKind[] = ['mine', 'team', 'account', 'all'];

/** `PipelineHealthService.Scope`. */
export interface Scope {
  kind: ScopeKind;
  userId: string;
  /** The account of the account scope; null otherwise. */
  accountId: string | null;
  label: string;
}

const ACCOUNT_PREFIX = '001';
const OPPORTUNITY_PREFIX = '006';

function isScopeKind(scope: string | null): scope is ScopeKind {
  return SCOPE_KINDS.some((kind) => kind === scope);
}

function notVisible(recordId: string): AuraHandledError {
  return new AuraHandledError(`Record ${recordId} does not exist or you do not have access to it.`);
}

/** The object of a record id, by its key prefix (what `Id.getSObjectType()` answers in Apex). */
async function objectOfId(context: TwinContext, recordId: string): Promise<string> {
  const global = await context.connection.describeGlobal$();
  return (
    global.sobjects.find((sobject) => sobject.keyPrefix === recordId.slice(0, 3))?.name ??
    recordId.slice(0, 3)
  );
}

async function accountOf(
  context: TwinContext,
  recordId: string | null
): Promise<{ id: string; name: string }> {
  if (recordId === null) {
    throw new AuraHandledError('The account scope needs the Id of an Account or Opportunity record.');
  }
  const prefix = recordId.slice(0, 3);
  if (prefix === OPPORTUNITY_PREFIX) {
    const [deal] = await queryAll<{ AccountId: string | null; Account: { Name: string } | null }>(
      context.connection,
      `SELECT Id, AccountId, Account.Name FROM Opportunity WHERE Id = ${idLiteral(recordId)} WITH USER_MODE LIMIT 1`
    );
    if (!deal) {
      throw notVisible(recordId);
    }
    if (deal.AccountId === null) {
      throw new AuraHandledError(`Opportunity ${recordId} has no account.`);
    }
    return { id: deal.AccountId, name: deal.Account?.Name ?? deal.AccountId };
  }
  if (prefix !== ACCOUNT_PREFIX) {
    const object = await objectOfId(context, recordId);
    throw new AuraHandledError(
      `The account scope needs an Account or Opportunity record, not a ${object} record.`
    );
  }
  const [account] = await queryAll<{ Id: string; Name: string }>(
    context.connection,
    `SELECT Id, Name FROM Account WHERE Id = ${idLiteral(recordId)} WITH USER_MODE LIMIT 1`
  );
  if (!account) {
    throw notVisible(recordId);
  }
  return { id: account.Id, name: account.Name };
}

/** `PipelineHealthService.resolveScope`. */
export async function resolveScope(
  context: TwinContext,
  scope: string | null,
  recordId: string | null
): Promise<Scope> {
  if (!isScopeKind(scope)) {
    throw new AuraHandledError(`Unknown scope '${scope}': use mine, team, account or all.`);
  }
  const { userId } = context;
  switch (scope) {
    case 'mine':
      return { kind: scope, userId, accountId: null, label: 'My pipeline' };
    case 'team':
      return { kind: scope, userId, accountId: null, label: "My team's pipeline" };
    case 'all':
      return { kind: scope, userId, accountId: null, label: 'All pipeline I can see' };
    case 'account': {
      const account = await accountOf(context, recordId);
      return { kind: scope, userId, accountId: account.id, label: account.name };
    }
  }
}

/** The scope's condition on Opportunity, for a WHERE clause; null for `all`. */
export function opportunityFilter(scope: Scope): string | null {
  switch (scope.kind) {
    case 'mine':
      return `OwnerId = ${idLiteral(scope.userId)}`;
    case 'team':
      return `(OwnerId = ${idLiteral(scope.userId)} OR Owner.ManagerId = ${idLiteral(scope.userId)})`;
    case 'account':
      return `AccountId = ${idLiteral(scope.accountId ?? '')}`;
    case 'all':
      return null;
  }
}

/** A WHERE clause of the scope's filter and further conditions, all ANDed. */
export function whereClause(scope: Scope, ...conditions: string[]): string {
  const all = [opportunityFilter(scope), ...conditions].filter((condition) => condition !== null);
  return all.length === 0 ? '' : ` WHERE ${all.join(' AND ')}`;
}

/**
 * The sellers whose targets and snapshots the scope sums: the user (`mine`), the user and the users who report to
 * them (`team`), everyone (`all`: null, no filter). The account scope has neither target nor snapshots.
 */
export async function scopeSellers(context: TwinContext, scope: Scope): Promise<string[] | null> {
  switch (scope.kind) {
    case 'mine':
      return [scope.userId];
    case 'team': {
      const team = await queryAll<{ Id: string }>(
        context.connection,
        `SELECT Id FROM User WHERE Id = ${idLiteral(scope.userId)} OR ManagerId = ${idLiteral(scope.userId)} ` +
          'WITH USER_MODE'
      );
      return team.map((user) => user.Id);
    }
    case 'all':
    case 'account':
      return null;
  }
}
