/**
 * The small SQL vocabulary the data layer shares: the client interface (PGlite or one of its transactions), row
 * values, and positional parameters so that no value is ever spliced into SQL text.
 */

/** A value as a column holds it after PGlite's parsers (see `database.ts`): dates and date-times as strings. */
export type DbValue = string | number | boolean | null;
export type Row = Record<string, DbValue>;
export type SqlParam = DbValue | readonly DbValue[];

export interface SqlClient {
  /** `blob` is the data of a `COPY … FROM '/dev/blob'`. */
  query<T>(sql: string, params?: SqlParam[], options?: { blob?: Blob }): Promise<{ rows: T[] }>;
}

/** Collects parameter values and hands out their `$n` placeholders. */
export class SqlParams {
  readonly values: SqlParam[] = [];

  add(value: SqlParam): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** Hands out table aliases (`t0`, `t1`, …) unique within one statement. */
export class AliasSequence {
  private next = 0;

  take(): string {
    const alias = `t${this.next}`;
    this.next += 1;
    return alias;
  }
}
