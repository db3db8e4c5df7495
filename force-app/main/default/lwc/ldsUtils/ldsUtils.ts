/**
 * Shared helpers for components that load data: turns the many shapes of errors that Lightning Data Service,
 * Apex and JavaScript produce into plain messages a user can read.
 */

interface ErrorBody {
  message?: string;
  pageErrors?: { message: string }[];
  fieldErrors?: Record<string, { message: string }[]>;
  output?: {
    errors?: { message: string }[];
    fieldErrors?: Record<string, { message: string }[]>;
  };
}

interface FetchLikeError {
  body?: ErrorBody | ErrorBody[];
  message?: string;
  statusText?: string;
}

function messagesOfBody(body: ErrorBody): string[] {
  const fieldMessages = (fieldErrors?: Record<string, { message: string }[]>): string[] =>
    Object.values(fieldErrors ?? {}).flatMap((errors) => errors.map((error) => error.message));
  return [
    ...(body.pageErrors ?? []).map((error) => error.message),
    ...fieldMessages(body.fieldErrors),
    ...(body.output?.errors ?? []).map((error) => error.message),
    ...fieldMessages(body.output?.fieldErrors),
    ...(body.message ? [body.message] : [])
  ];
}

function messagesOf(error: unknown): string[] {
  if (error === null || error === undefined) {
    return [];
  }
  if (typeof error === 'string') {
    return [error];
  }
  const candidate = error as FetchLikeError;
  if (Array.isArray(candidate.body)) {
    return candidate.body.flatMap(messagesOfBody);
  }
  if (candidate.body && typeof candidate.body === 'object') {
    const fromBody = messagesOfBody(candidate.body);
    if (fromBody.length > 0) {
      return fromBody;
    }
  }
  if (candidate.message) {
    return [candidate.message];
  }
  return candidate.statusText ? [candidate.statusText] : [];
}

/** Every distinct message in one error or a list of errors, in order, without blanks. */
export function reduceErrors(errors: unknown): string[] {
  const list: unknown[] = Array.isArray(errors) ? errors : [errors];
  const messages = list.flatMap(messagesOf).map((message) => message.trim());
  return [...new Set(messages.filter((message) => message.length > 0))];
}
