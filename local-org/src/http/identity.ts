/**
 * The resources a client reads to orient itself: `/services/data` (versions), `/services/data/vNN.0` (resource
 * directory), the identity URL and `/services/oauth2/userinfo`.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { dataBasePath, type OrgContext } from './context';
import { resource } from './resource';
import { listVersions } from './versions';

function identity(context: OrgContext, request: FastifyRequest): Record<string, unknown> {
  const userId = context.store.currentUserId;
  const { orgId } = context.credentials;
  const host = `http://${request.headers.host ?? '127.0.0.1'}`;
  return {
    id: `${host}/id/${orgId}/${userId}`,
    user_id: userId,
    organization_id: orgId,
    username: 'admin@local-org.atlas',
    display_name: 'Local Org Admin',
    active: true,
    urls: { rest: `${host}/services/data/v{version}/`, enterprise: `${host}/services/Soap/c/{version}/` }
  };
}

export function registerIdentity(app: FastifyInstance, context: OrgContext): void {
  resource(app, '/services/data', { GET: async () => listVersions() });

  resource(app, '/services/data/:version', {
    GET: async (request) => {
      const base = dataBasePath(request);
      const { orgId } = context.credentials;
      return {
        sobjects: `${base}/sobjects`,
        query: `${base}/query`,
        queryAll: `${base}/queryAll`,
        composite: `${base}/composite`,
        limits: `${base}/limits`,
        jobs: `${base}/jobs`,
        identity: `http://${request.headers.host ?? '127.0.0.1'}/id/${orgId}/${context.store.currentUserId}`
      };
    }
  });

  resource(app, '/services/oauth2/userinfo', { GET: async (request) => identity(context, request) });
  resource(app, '/id/:orgId/:userId', { GET: async (request) => identity(context, request) });
}
