/**
 * `limits`: the org's limits as Salesforce reports them, Remaining counting down with the calls this server counted
 * (since it started) and the Bulk jobs it ran.
 */
import type { FastifyInstance } from 'fastify';
import type { OrgContext } from './context';
import { resource } from './resource';

export const DAILY_API_REQUESTS = 100_000;
const DAILY_BULK_V2_QUERY_JOBS = 10_000;
const DAILY_BULK_API_BATCHES = 15_000;

export interface LimitUsage {
  apiRequests: number;
  bulkIngestBatches: number;
  bulkQueryJobs: number;
}

interface Limit {
  Max: number;
  Remaining: number;
}

function limit(max: number, used: number): Limit {
  return { Max: max, Remaining: Math.max(0, max - used) };
}

export function limitsBody(usage: LimitUsage): Record<string, Limit> {
  return {
    ConcurrentAsyncGetReportInstances: limit(200, 0),
    ConcurrentSyncReportRuns: limit(20, 0),
    DailyApiRequests: limit(DAILY_API_REQUESTS, usage.apiRequests),
    DailyAsyncApexExecutions: limit(250_000, 0),
    DailyBulkApiBatches: limit(DAILY_BULK_API_BATCHES, usage.bulkIngestBatches),
    DailyBulkV2QueryFileStorageMB: limit(976_562, 0),
    DailyBulkV2QueryJobs: limit(DAILY_BULK_V2_QUERY_JOBS, usage.bulkQueryJobs),
    DataStorageMB: limit(1024, 0),
    FileStorageMB: limit(1024, 0),
    HourlyTimeBasedWorkflow: limit(1000, 0),
    SingleEmail: limit(5000, 0)
  };
}

export function registerLimits(
  app: FastifyInstance,
  context: OrgContext,
  bulkUsage: () => { bulkIngestBatches: number; bulkQueryJobs: number }
): void {
  resource(app, '/services/data/:version/limits', {
    GET: async () => limitsBody({ apiRequests: context.calls.snapshot().total, ...bulkUsage() })
  });
}
