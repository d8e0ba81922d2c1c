/**
 * Seconds for a transcript timestamp's inside (`00:01:02`, `01:02`, `1:02:03.5`),
 * or null when it is malformed: minutes or seconds of 60 and more within
 * hh:mm:ss, seconds of 60 and more within mm:ss ([99:99] is not a time).
 * mm:ss may run past 59 minutes ([75:30]) since long sessions are written that way.
 */
export function parseClock(text: string): number | null {
  const m = /^(\d{1,3}):(\d{1,2})(?::(\d{1,2}))?(?:[.,](\d{1,3}))?$/.exec(text.trim());
  if (!m) return null;
  const [a, b, c] = [Number(m[1]), Number(m[2]), m[3] === undefined ? null : Number(m[3])];
  const fraction = m[4] === undefined ? 0 : Number(`0.${m[4]}`);
  if (c === null) return b < 60 ? a * 60 + b + fraction : null;
  return b < 60 && c < 60 ? a * 3600 + b * 60 + c + fraction : null;
}

/** `00:00:04.000 --> 00:00:09.000 align:start` (WebVTT) or `00:00:04,000 --> ...` (SRT). */
const CUE_TIMING = /^\s*((?:\d+:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?)\s*-->\s*((?:\d+:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?)/;

/** Start of a cue in seconds, or null when the timing line is malformed. */
export function parseCueStart(line: string): number | null {
  const m = CUE_TIMING.exec(line);
  return m?.[1] === undefined ? null : parseClock(m[1]);
}
