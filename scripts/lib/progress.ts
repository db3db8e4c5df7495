/**
 * Progress per object: live bars (cli-progress) on a terminal, plain lines otherwise (CI logs, pipes, `--json`).
 */
import { MultiBar, Presets, type SingleBar } from 'cli-progress';

export interface ObjectProgress {
  advance(rows: number): void;
  /** The object is finished; `note` sums it up (counts, method). */
  done(note: string): void;
}

export interface Progress {
  start(object: string, total: number, method: string): ObjectProgress;
  /** A message between the bars (retries, resumed jobs). */
  note(message: string): void;
  stop(): void;
}

const NAME_WIDTH = 28;

class BarProgress implements Progress {
  private readonly bars: MultiBar;

  constructor(stream: NodeJS.WriteStream) {
    this.bars = new MultiBar(
      {
        stream,
        format: ' {object} {bar} {value}/{total} {note}',
        barsize: 30,
        hideCursor: true,
        clearOnComplete: false,
        etaBuffer: 20
      },
      Presets.shades_classic
    );
  }

  start(object: string, total: number, method: string): ObjectProgress {
    const bar: SingleBar = this.bars.create(Math.max(total, 1), 0, {
      object: object.padEnd(NAME_WIDTH),
      note: method
    });
    return {
      advance: (rows) => bar.increment(rows),
      done: (note) => bar.update(Math.max(total, 1), { note })
    };
  }

  note(message: string): void {
    this.bars.log(`${message}\n`);
  }

  stop(): void {
    this.bars.stop();
  }
}

/** One line when an object starts, one at most every `intervalMs` while it runs, one when it is done. */
class LineProgress implements Progress {
  private readonly stream: NodeJS.WritableStream;
  private readonly intervalMs: number;
  private readonly now: () => number;

  constructor(stream: NodeJS.WritableStream, intervalMs: number, now: () => number) {
    this.stream = stream;
    this.intervalMs = intervalMs;
    this.now = now;
  }

  start(object: string, total: number, method: string): ObjectProgress {
    let written = 0;
    let lastLine = this.now();
    this.line(`${object}: ${total} rows (${method})`);
    return {
      advance: (rows) => {
        written += rows;
        if (this.now() - lastLine >= this.intervalMs) {
          lastLine = this.now();
          this.line(`${object}: ${written}/${total}`);
        }
      },
      done: (note) => this.line(`${object}: ${note}`)
    };
  }

  note(message: string): void {
    this.line(message);
  }

  stop(): void {}

  private line(text: string): void {
    this.stream.write(`${text}\n`);
  }
}

export function createProgress(
  stream: NodeJS.WriteStream,
  options: { intervalMs?: number; now?: () => number } = {}
): Progress {
  return stream.isTTY
    ? new BarProgress(stream)
    : new LineProgress(stream, options.intervalMs ?? 5_000, options.now ?? Date.now);
}
