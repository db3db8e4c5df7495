/**
 * What an Apex twin runs with, and how it fails. A twin answers as its Apex method would for the signed-in user:
 * the connection stands for the Apex's database access, `userId` for `UserInfo.getUserId()`, `today` for
 * `Date.today()`.
 */
import type { Connection } from 'jsforce';

export interface TwinContext {
  connection: Connection;
  /** The signed-in user: what `UserInfo.getUserId()` returns. */
  userId: string;
  /** `Date.today()`, 'YYYY-MM-DD'. */
  today: string;
  /** Rows the pipeline query may read before the answer comes from snapshots (`DEFAULT_ROW_BUDGET`). */
  rowBudget: number;
}

/**
 * The pipeline query's row budget, as in PipelineHealthService: comfortably inside the 50,000 query rows of one
 * Apex transaction, leaving room for the other queries of the request.
 */
export const DEFAULT_ROW_BUDGET = 40_000;

/** An AuraHandledException: its message reaches the component as `error.body.message`. */
export class AuraHandledError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AuraHandledError';
  }
}
