/**
 * The token holder's controls for tests and benchmarks, never subject to faults:
 * `POST /services/admin/faults` (the same JSON as ATLAS_FAULTS; `{}` turns faults off), `GET /services/admin/faults`,
 * and `GET /services/admin/stats` (API calls by kind and the faults injected so far).
 */
import type { FastifyInstance } from 'fastify';
import { parseFaultSettings } from '../faults';
import type { OrgContext } from './context';
import { badRequest } from './errors';
import { resource } from './resource';

export function registerAdmin(app: FastifyInstance, context: OrgContext): void {
  resource(app, '/services/admin/faults', {
    GET: async () => context.faults.current(),
    POST: async (request) => {
      try {
        context.faults.configure(parseFaultSettings(request.body ?? {}));
      } catch (error) {
        throw badRequest('INVALID_FAULT_SETTINGS', (error as Error).message);
      }
      return context.faults.current();
    }
  });

  resource(app, '/services/admin/stats', {
    GET: async () => ({ ...context.calls.snapshot(), faults: context.faults.faultCounts() })
  });
}
