/**
 * Requests from the page to the workbench server. A failed request rejects with the shape Lightning gives
 * components — `{ status, statusText, ok: false, body }`, the body as the server sent it (Aura's `{ message }` for
 * Apex, the UI API's error body for Lightning Data Service) — so `reduceErrors` in c/ldsUtils reads it.
 */

export interface FetchError {
  status: number;
  statusText: string;
  ok: false;
  body: unknown;
}

function fetchError(status: number, statusText: string, body: unknown): FetchError {
  return { status, statusText, ok: false, body };
}

export async function request<T>(
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  body?: unknown
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body)
    });
  } catch (error) {
    const message = `The workbench server did not answer: ${error instanceof Error ? error.message : String(error)}`;
    throw fetchError(0, 'Network Error', { message });
  }
  const text = await response.text();
  let parsed: unknown = null;
  try {
    parsed = text === '' ? null : JSON.parse(text);
  } catch {
    parsed = { message: text };
  }
  if (!response.ok) {
    throw fetchError(response.status, response.statusText, parsed);
  }
  return parsed as T;
}

/** Freezes a value and everything in it, as Lightning Data Service hands components read-only data. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) {
      deepFreeze(inner);
    }
  }
  return value;
}
