/** Counts API calls by kind, as a benchmark or a test reads them (`GET /services/admin/stats`). */

export const CALL_KINDS = [
  'versions',
  'describe',
  'rest',
  'composite',
  'query',
  'limits',
  'bulkIngest',
  'bulkQuery',
  'other'
] as const;

export type CallKind = (typeof CALL_KINDS)[number];

export interface ApiStats {
  /** Every authenticated API call, including those answered with an injected fault. */
  total: number;
  byKind: Record<CallKind, number>;
}

export class CallCounter {
  private readonly counts = new Map<CallKind, number>();

  count(kind: CallKind): void {
    this.counts.set(kind, (this.counts.get(kind) ?? 0) + 1);
  }

  snapshot(): ApiStats {
    const byKind = Object.fromEntries(CALL_KINDS.map((kind) => [kind, this.counts.get(kind) ?? 0])) as Record<
      CallKind,
      number
    >;
    const total = CALL_KINDS.reduce((sum, kind) => sum + byKind[kind], 0);
    return { total, byKind };
  }
}

/** The kind of a `/services/data/vNN.0/…` call from its path after the version. */
export function callKind(pathAfterVersion: string): CallKind {
  const segments = pathAfterVersion.split('/').filter((segment) => segment.length > 0);
  const [first = '', second = ''] = segments;
  switch (first) {
    case '':
      return 'versions';
    case 'sobjects':
      return segments.length === 1 || segments.at(-1) === 'describe' ? 'describe' : 'rest';
    case 'composite':
      return 'composite';
    case 'query':
    case 'queryAll':
      return 'query';
    case 'limits':
      return 'limits';
    case 'jobs':
      return second === 'query' ? 'bulkQuery' : 'bulkIngest';
    default:
      return 'other';
  }
}
