import { describe, expect, it } from 'vitest';
import { retryAfterMs } from './retryAfter.ts';

const h = (init: Record<string, string>): Headers => new Headers(init);

describe('retryAfterMs', () => {
  it('reads delta-seconds', () => expect(retryAfterMs(h({ 'retry-after': '3' }))).toBe(3000));
  it('prefers the millisecond header OpenAI sends', () =>
    expect(retryAfterMs(h({ 'retry-after': '3', 'retry-after-ms': '250' }))).toBe(250));
  it('reads an HTTP date relative to now', () => {
    const now = Date.parse('Sat, 28 Nov 2026 10:00:00 GMT');
    expect(retryAfterMs(h({ 'retry-after': 'Sat, 28 Nov 2026 10:00:05 GMT' }), () => now)).toBe(5000);
  });
  it('never returns a negative wait for a date in the past', () => {
    const now = Date.parse('Sat, 28 Nov 2026 10:00:00 GMT');
    expect(retryAfterMs(h({ 'retry-after': 'Sat, 28 Nov 2026 09:59:00 GMT' }), () => now)).toBe(0);
  });
  it('is null when absent or unreadable', () => {
    expect(retryAfterMs(h({}))).toBeNull();
    expect(retryAfterMs(h({ 'retry-after': 'soon' }))).toBeNull();
    expect(retryAfterMs(undefined)).toBeNull();
  });
});
