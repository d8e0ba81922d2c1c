import type { RunEvent } from '../runner/events.ts';

/**
 * Progress on stderr: one self-rewriting line on a terminal; on a log (not a TTY, or CI
 * set) a plain line every 10% so nightly logs stay short and readable.
 */
export function progressPrinter(write: (s: string) => void, live: boolean, now: () => number = Date.now): (e: RunEvent) => void {
  const started = now();
  let lastDecile = -1;
  return (e) => {
    if (e.kind === 'start') {
      write(`scribe-audit: ${e.total} notes to write and score\n`);
      return;
    }
    if (e.kind === 'retry') {
      if (!live) write(`retry ${e.attempt} for ${e.backendId}/${e.caseId}#${e.sample} in ${Math.round(e.delayMs)} ms: ${e.reason}\n`);
      return;
    }
    const elapsed = (now() - started) / 1000;
    const eta = e.done > 0 ? Math.max(0, (elapsed / e.done) * (e.total - e.done)) : 0;
    const line = `${e.done}/${e.total} notes, ${e.failed} failed, ${elapsed.toFixed(1)} s elapsed, ETA ${eta.toFixed(0)} s`;
    if (live) {
      const width = 24;
      const filled = Math.round((e.done / e.total) * width);
      write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${line}${e.done === e.total ? '\n' : ''}`);
      return;
    }
    const decile = Math.floor((e.done / e.total) * 10);
    if (decile !== lastDecile || e.done === e.total) {
      lastDecile = decile;
      write(`${line}\n`);
    }
  };
}
