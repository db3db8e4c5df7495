/** What translating one query needs: the store's read context plus the clock and the API version for record URLs. */
import { formatDate } from '../store/database';
import type { ReadContext } from '../store/computed';
import type { OrgModel } from '../store/model';
import { AliasSequence, SqlParams } from '../store/sql';

export interface QueryContext extends ReadContext {
  readonly now: Date;
  readonly apiVersion: string;
}

export interface QueryEnvironment {
  readonly model: OrgModel;
  readonly now: Date;
  readonly apiVersion: string;
}

/** A fresh context for one SQL statement. */
export function statementContext(environment: QueryEnvironment): QueryContext {
  return {
    ...environment,
    params: new SqlParams(),
    aliases: new AliasSequence(),
    today: formatDate(environment.now)
  };
}

export function recordUrl(apiVersion: string, objectName: string, id: string): string {
  return `/services/data/v${apiVersion}/sobjects/${objectName}/${id}`;
}
