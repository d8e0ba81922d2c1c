import cliProgress from 'cli-progress';
import type { RunEvent } from '../runner/events.ts';

export interface Progress {
  onEvent: (e: RunEvent) => void;
  /** Stops the live bar's redraw timer; safe to call twice or when nothing started. */
  stop: () => void;
}

const line = (e: Extract<RunEvent, { kind: 'item' }>, elapsedS: number): string => {
  const eta = e.done > 0 ? Math.max(0, (elapsedS / e.done) * (e.total - e.done)) : 0;
  return `${e.done}/${e.total} notes, ${e.failed} failed, ${elapsedS.toFixed(1)} s elapsed, ETA ${eta.toFixed(0)} s`;
};

/**
 * Progress on stderr. On a terminal, a live bar (cli-progress: throttled redraws, width and
 * ETA handled) with done/total, failures and ETA. On a log (not a TTY, or CI set) a plain
 * line every 10% and one per retry, so nightly logs stay short, greppable and free of
 * escape codes.
 */
export function progressPrinter(write: (s: string) => void, live: boolean, now: () => number = Date.now): Progress {
  const started = now();
  let lastDecile = -1;
  let bar: cliProgress.SingleBar | null = null;
  let retries = 0;
  const stop = (): void => {
    bar?.stop();
    bar = null;
  };
  const onEvent = (e: RunEvent): void => {
    if (e.kind === 'start') {
      write(`scribe-audit: ${e.total} notes to write and score\n`);
      if (live) {
        const stream = { write: (s: string) => (write(s), true), isTTY: true, columns: 100 } as unknown as NodeJS.WritableStream;
        bar = new cliProgress.SingleBar(
          {
            stream,
            format: '[{bar}] {value}/{total} notes | {failed} failed | {retries} retries | ETA {eta_formatted}',
            hideCursor: true,
            clearOnComplete: false,
            fps: 5,
          },
          cliProgress.Presets.legacy,
        );
        bar.start(e.total, 0, { failed: 0, retries: 0 });
      }
      return;
    }
    if (e.kind === 'phase') {
      stop();
      write(`${e.message}\n`);
      return;
    }
    if (e.kind === 'retry') {
      retries++;
      if (bar) bar.update({ retries });
      else write(`retry ${e.attempt} for ${e.backendId}/${e.caseId}#${e.sample} in ${Math.round(e.delayMs)} ms: ${e.reason}\n`);
      return;
    }
    if (bar) {
      bar.update(e.done, { failed: e.failed });
      if (e.done === e.total) stop();
      return;
    }
    const decile = Math.floor((e.done / e.total) * 10);
    if (decile !== lastDecile || e.done === e.total) {
      lastDecile = decile;
      write(`${line(e, (now() - started) / 1000)}\n`);
    }
  };
  return { onEvent, stop };
}
