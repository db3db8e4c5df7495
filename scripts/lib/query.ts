/** SOQL over REST, one page (up to 2,000 rows) per API call, each page retried on its own. */
import type { OrgApi } from './api';

/** A record as the REST API returns it: field names to JSON values. */
export type OrgRecord = Record<string, unknown>;

interface QueryPage {
  totalSize: number;
  done: boolean;
  nextRecordsUrl?: string;
  records: OrgRecord[];
}

/** Every page of `soql`, in order; the first page tells the total. */
export async function* queryPages(
  api: OrgApi,
  label: string,
  soql: string
): AsyncGenerator<{ totalSize: number; records: OrgRecord[] }> {
  let url: string | undefined = `/query?q=${encodeURIComponent(soql)}`;
  while (url !== undefined) {
    const pageUrl: string = url;
    const page = await api.call(label, () => api.connection.request<QueryPage>(pageUrl));
    yield { totalSize: page.totalSize, records: page.records };
    url = page.done ? undefined : page.nextRecordsUrl;
  }
}

export async function queryAll(api: OrgApi, label: string, soql: string): Promise<OrgRecord[]> {
  const records: OrgRecord[] = [];
  for await (const page of queryPages(api, label, soql)) {
    records.push(...page.records);
  }
  return records;
}

/** A SOQL string literal. */
export function soqlLiteral(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

export function stringValue(record: OrgRecord, field: string): string {
  const value = record[field];
  if (typeof value !== 'string') {
    throw new Error(`Expected text in ${field}, got ${JSON.stringify(value)}`);
  }
  return value;
}
