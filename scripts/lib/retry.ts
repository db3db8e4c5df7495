/**
 * Retrying what is safe to retry: exponential backoff with jitter, so that many clients that failed together do not
 * come back together. The clock is injectable so that tests run the policy without waiting.
 */

export interface RetryPolicy {
  /** Attempts in all, the first one included. */
  attempts: number;
  /** Ceiling of the first wait; each later wait's ceiling doubles, up to `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
}

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
  /** A number in [0, 1). */
  random(): number;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: () => Math.random()
};

/** For API calls: eight attempts over about half a minute at worst. */
export const CALL_RETRY_POLICY: RetryPolicy = { attempts: 8, baseDelayMs: 250, maxDelayMs: 8_000 };

/**
 * The wait before retry number `retry` (1 for the first): half of the exponential ceiling fixed, half random
 * ("equal jitter"), so waits grow for certain and still spread out.
 */
export function backoffDelay(retry: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retry - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** Thrown when every attempt failed for a reason worth retrying; `cause` is the last failure. */
export class RetriesExhaustedError extends Error {
  readonly attempts: number;

  constructor(reason: string, attempts: number, cause: unknown) {
    super(`gave up after ${attempts} attempts, the last one failed with ${reason}`, { cause });
    this.name = 'RetriesExhaustedError';
    this.attempts = attempts;
  }
}

export interface RetryOptions {
  policy: RetryPolicy;
  clock: Clock;
  /** Why a failure is worth another attempt (for example `HTTP 503`), or null when it is final. */
  transientReason(error: unknown): string | null;
  onRetry?(reason: string, retry: number, delayMs: number): void;
}

/** Runs `operation` until it succeeds, fails for good, or runs out of attempts. */
export async function retrying<T>(
  operation: (attempt: number) => Promise<T>,
  options: RetryOptions
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await operation(attempt);
    } catch (error) {
      const reason = options.transientReason(error);
      if (reason === null) {
        throw error;
      }
      if (attempt >= options.policy.attempts) {
        throw new RetriesExhaustedError(reason, attempt, error);
      }
      const delay = backoffDelay(attempt, options.policy, options.clock.random);
      options.onRetry?.(reason, attempt, delay);
      await options.clock.sleep(delay);
    }
  }
}
