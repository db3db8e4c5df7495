/**
 * Registers a path with the methods it supports; every other method answers 405 with Salesforce's body and an
 * `Allow` header, rather than Fastify's 404.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { apiError } from './errors';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

const ALL_METHODS: HttpMethod[] = ['GET', 'POST', 'PATCH', 'PUT', 'DELETE'];

export type Handler = (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;

export function resource(
  app: FastifyInstance,
  path: string,
  handlers: Partial<Record<HttpMethod, Handler>>
): void {
  const allowed = ALL_METHODS.filter((method) => handlers[method] !== undefined);
  app.route({
    method: ALL_METHODS,
    url: path,
    handler: async (request, reply) => {
      const handler = handlers[request.method as HttpMethod];
      if (!handler) {
        reply.header('Allow', allowed.join(','));
        throw apiError(
          405,
          'METHOD_NOT_ALLOWED',
          `HTTP Method '${request.method}' not allowed. Allowed are ${allowed.join(',')}`
        );
      }
      return handler(request, reply);
    }
  });
}

/** A route parameter as a string (Fastify types params as unknown). */
export function param(request: FastifyRequest, name: string): string {
  const value = (request.params as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : '';
}

/** A query-string parameter as a string, or undefined. */
export function queryParam(request: FastifyRequest, name: string): string | undefined {
  const value = (request.query as Record<string, unknown>)[name];
  if (Array.isArray(value)) {
    return typeof value[0] === 'string' ? value[0] : undefined;
  }
  return typeof value === 'string' ? value : undefined;
}
