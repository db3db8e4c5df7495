/** The select list of one SQL statement. */

/** SQL columns of the statement, named c0, c1, … and shared when two selections need the same expression. */
export class Columns {
  private readonly names = new Map<string, string>();

  add(sql: string): string {
    const existing = this.names.get(sql);
    if (existing !== undefined) return existing;
    const name = `c${this.names.size}`;
    this.names.set(sql, name);
    return name;
  }

  sql(): string {
    return [...this.names].map(([sql, name]) => `${sql} AS ${name}`).join(', ');
  }
}
