import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../runner/events.ts';
import { progressPrinter } from './progress.ts';

/** The escape that starts every ANSI sequence: live progress redraws with it, logs must not have it. */
const ESC = String.fromCharCode(27);

const item = (done: number, total: number, failed = 0): RunEvent => ({
  kind: 'item',
  done,
  total,
  failed,
  backendId: 'vendor-a',
  caseId: 'c',
  sample: 0,
  ok: true,
});
const retry: RunEvent = {
  kind: 'retry',
  backendId: 'vendor-a',
  caseId: 'cbt-x',
  sample: 1,
  attempt: 1,
  delayMs: 1000,
  reason: 'vendor-a: the API answered 429',
};

function capture(live: boolean, now = (): number => 0) {
  let text = '';
  const progress = progressPrinter((s) => void (text += s), live, now);
  return { progress, text: () => text };
}

describe('progress on a log (CI or not a TTY)', () => {
  it('prints one plain line per 10% with done/total, failures and ETA, and no escape codes', () => {
    let t = 0;
    const { progress, text } = capture(false, () => t);
    progress.onEvent({ kind: 'start', total: 100 });
    for (let i = 1; i <= 100; i++) {
      t = i * 100;
      progress.onEvent(item(i, 100, i > 50 ? 1 : 0));
    }
    const lines = text().trim().split('\n');
    expect(lines[0]).toBe('scribe-audit: 100 notes to write and score');
    expect(lines).toHaveLength(12);
    expect(lines).toContain('50/100 notes, 0 failed, 5.0 s elapsed, ETA 5 s');
    expect(lines.at(-1)).toBe('100/100 notes, 1 failed, 10.0 s elapsed, ETA 0 s');
    expect(text()).not.toMatch(new RegExp(`${ESC}|\r`));
  });

  it('names each retry with its wait and reason', () => {
    const { progress, text } = capture(false);
    progress.onEvent(retry);
    expect(text()).toBe('retry 1 for vendor-a/cbt-x#1 in 1000 ms: vendor-a: the API answered 429\n');
  });
});

describe('progress on a terminal', () => {
  it('draws a live bar with done/total, failures, retries and ETA, and ends it on the last note', () => {
    const { progress, text } = capture(true);
    progress.onEvent({ kind: 'start', total: 4 });
    progress.onEvent(retry);
    progress.onEvent(item(1, 4));
    progress.onEvent(item(2, 4, 1));
    progress.onEvent(item(3, 4, 1));
    progress.onEvent(item(4, 4, 1));
    progress.stop();
    expect(text()).toMatch(/\] 4\/4 notes \| 1 failed \| 1 retries \| ETA 0s/);
    // Redrawn in place with cursor control rather than printed as new lines.
    expect(text()).toContain(`${ESC}[`);
  });

  it('can be stopped before the end (a cancelled run) without leaving a timer behind', () => {
    const { progress, text } = capture(true);
    progress.onEvent({ kind: 'start', total: 10 });
    progress.onEvent(item(1, 10));
    progress.stop();
    progress.stop();
    expect(text()).toContain('scribe-audit: 10 notes to write and score');
  });
});
