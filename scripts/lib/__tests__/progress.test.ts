import { PassThrough } from 'node:stream';
import { createProgress } from '../progress';

function capture(isTTY: boolean) {
  const stream = new PassThrough() as PassThrough & { isTTY: boolean; columns: number };
  stream.isTTY = isTTY;
  stream.columns = 120;
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString()));
  return { stream: stream as unknown as NodeJS.WriteStream, text: () => text };
}

describe('createProgress', () => {
  it('writes plain lines when the output is not a terminal, at most one per interval while an object runs', () => {
    const out = capture(false);
    let now = 0;
    const progress = createProgress(out.stream, { intervalMs: 1000, now: () => now });
    const bar = progress.start('Account', 400, 'REST');
    bar.advance(200);
    now = 1500;
    bar.advance(100);
    bar.advance(100);
    progress.note('Account: retrying after HTTP 503');
    bar.done('400 created, 0 updated, 0 unchanged, 0 failed');
    progress.stop();
    expect(out.text().split('\n')).toEqual([
      'Account: 400 rows (REST)',
      'Account: 300/400',
      'Account: retrying after HTTP 503',
      'Account: 400 created, 0 updated, 0 unchanged, 0 failed',
      ''
    ]);
  });

  it('draws bars on a terminal', () => {
    const out = capture(true);
    const progress = createProgress(out.stream);
    const bar = progress.start('Contact', 10, 'REST');
    bar.advance(10);
    bar.done('10 created');
    progress.stop();
    expect(out.text()).toContain('Contact');
    expect(out.text()).toContain('10/10');
  });
});
