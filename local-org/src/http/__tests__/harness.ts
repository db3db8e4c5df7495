/** Builds the HTTP app over a FakeStore for `inject` tests. */
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { FaultInjector, type FaultSettings } from '../../faults';
import { buildApp } from '../app';
import type { OrgContext } from '../context';
import { CallCounter } from '../stats';
import { FakeStore } from './fake-store';

export const TOKEN = 'test-token';
export const V = '/services/data/v66.0';

export interface Harness {
  app: FastifyInstance;
  store: FakeStore;
  context: OrgContext;
  /** An authenticated call; JSON bodies are sent as application/json. */
  call(options: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export async function harness(faults: FaultSettings = {}, chunkSize = 500): Promise<Harness> {
  const store = new FakeStore();
  const context: OrgContext = {
    store,
    credentials: { accessToken: TOKEN, orgId: '00DLo0000000001AAA' },
    faults: new FaultInjector(faults),
    calls: new CallCounter(),
    disposers: []
  };
  const { app } = buildApp(context, { ingest: { chunkSize } });
  await app.ready();
  return {
    app,
    store,
    context,
    call: (options) =>
      app.inject({ ...options, headers: { authorization: `Bearer ${TOKEN}`, ...(options.headers ?? {}) } }),
    close: async () => {
      await app.close();
      for (const dispose of context.disposers) {
        await dispose();
      }
    }
  };
}

/** Polls an ingest or query job until it leaves the processing states. */
export async function waitForJob(
  h: Harness,
  kind: 'ingest' | 'query',
  id: string
): Promise<Record<string, unknown>> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const response = await h.call({ method: 'GET', url: `${V}/jobs/${kind}/${id}` });
    const info = response.json<Record<string, unknown>>();
    if (!['Open', 'UploadComplete', 'InProgress'].includes(String(info.state))) {
      return info;
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`job ${id} did not finish`);
}
