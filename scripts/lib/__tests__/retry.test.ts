import { backoffDelay, retrying, RetriesExhaustedError, type Clock, type RetryPolicy } from '../retry';

const policy: RetryPolicy = { attempts: 4, baseDelayMs: 100, maxDelayMs: 250 };

function fakeClock(random = 0.5): Clock & { slept: number[] } {
  const slept: number[] = [];
  let now = 0;
  return {
    slept,
    now: () => now,
    random: () => random,
    sleep: async (ms) => {
      slept.push(ms);
      now += ms;
    }
  };
}

describe('backoffDelay', () => {
  it('doubles its ceiling on each retry up to the maximum, half of it fixed and half jitter', () => {
    expect([1, 2, 3, 4].map((retry) => backoffDelay(retry, policy, () => 0))).toEqual([50, 100, 125, 125]);
    expect([1, 2, 3, 4].map((retry) => backoffDelay(retry, policy, () => 0.999999))).toEqual([
      100, 200, 250, 250
    ]);
  });

  it('spreads clients that failed together', () => {
    const delays = new Set([0.1, 0.4, 0.7, 0.9].map((random) => backoffDelay(3, policy, () => random)));
    expect(delays.size).toBe(4);
  });
});

describe('retrying', () => {
  const transientReason = (error: unknown): string | null =>
    error instanceof Error && error.message === 'busy' ? 'HTTP 503' : null;

  it('retries transient failures with growing waits until the call succeeds', async () => {
    const clock = fakeClock();
    const retries: string[] = [];
    let calls = 0;
    const result = await retrying(
      async () => {
        calls += 1;
        if (calls < 3) throw new Error('busy');
        return 'done';
      },
      { policy, clock, transientReason, onRetry: (reason, retry) => retries.push(`${reason} #${retry}`) }
    );
    expect(result).toBe('done');
    expect(calls).toBe(3);
    expect(clock.slept).toEqual([75, 150]);
    expect(retries).toEqual(['HTTP 503 #1', 'HTTP 503 #2']);
  });

  it('does not retry a final failure', async () => {
    const clock = fakeClock();
    let calls = 0;
    await expect(
      retrying(
        async () => {
          calls += 1;
          throw new Error('INVALID_FIELD');
        },
        { policy, clock, transientReason }
      )
    ).rejects.toThrow('INVALID_FIELD');
    expect(calls).toBe(1);
    expect(clock.slept).toEqual([]);
  });

  it('gives up after the last attempt and says why', async () => {
    const clock = fakeClock();
    const failing = retrying(
      async () => {
        throw new Error('busy');
      },
      { policy, clock, transientReason }
    );
    await expect(failing).rejects.toThrow(RetriesExhaustedError);
    await expect(failing).rejects.toThrow('gave up after 4 attempts, the last one failed with HTTP 503');
    expect(clock.slept).toHaveLength(3);
  });
});
