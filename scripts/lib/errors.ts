/**
 * Failures a script reports to its user as a message, not a stack trace. Exit codes follow the scripts' rule:
 * 2 for bad input (nothing was written), 1 for anything else that stopped the run or a row that failed.
 */

/** The user asked for something that cannot be done as asked: a bad option, an unknown org, a missing field. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
