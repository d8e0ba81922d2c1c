import type { SpeakerRole } from '../domain/transcript.ts';

export type SpeakerMap = Record<string, SpeakerRole>;

const DEFAULT_ROLES: SpeakerMap = { THERAPIST: 'therapist', CLIENT: 'client', INTERPRETER: 'interpreter' };

function lookup(map: SpeakerMap, label: string): SpeakerRole | undefined {
  if (Object.hasOwn(map, label)) return map[label];
  const upper = label.toUpperCase();
  const key = Object.keys(map).find((k) => k.toUpperCase() === upper);
  return key === undefined ? undefined : map[key];
}

/** A label's role: case.yaml `speakers` first, then THERAPIST, CLIENT and INTERPRETER by name (any case), else other. */
export function roleFor(label: string, speakers?: SpeakerMap): SpeakerRole {
  return (speakers && lookup(speakers, label)) ?? lookup(DEFAULT_ROLES, label) ?? 'other';
}

/**
 * `LABEL: text` at the start of a line, after an optional `[timestamp]`. A label
 * is letters, digits, spaces, `_` and `-`, at most three words, with at least
 * one letter (so `12:30 we met` is not a turn).
 */
const LABELLED = /^\s*(?:\[(\d[\d:.,]*)\]\s*)?([\p{L}\p{N}][\p{L}\p{N}_\- ]*?)\s*:(.*)$/u;
const TIMESTAMP_ONLY = /^\s*\[(\d[\d:.,]*)\]\s*(.*)$/;

export interface LineParts {
  timestamp: string | null;
  label: string | null;
  rest: string;
}

export function splitLine(line: string): LineParts {
  const m = LABELLED.exec(line);
  const label = m?.[2]?.trim();
  if (m && label && label.split(/\s+/).length <= 3 && /\p{L}/u.test(label))
    return { timestamp: m[1] ?? null, label, rest: (m[3] ?? '').trim() };
  const t = TIMESTAMP_ONLY.exec(line);
  if (t?.[1] !== undefined) return { timestamp: t[1], label: null, rest: (t[2] ?? '').trim() };
  return { timestamp: null, label: null, rest: line.trim() };
}

const isAllCaps = (label: string): boolean => /\p{Lu}/u.test(label) && !/\p{Ll}/u.test(label);

/**
 * Decides whether `LABEL:` starts a turn or is text inside one ("Note: she
 * paused"). The rule, in order:
 * - a timestamped line always starts a turn: the timestamp is unambiguous;
 * - THERAPIST and CLIENT (any case) always do;
 * - with a case's `speakers` map, only the labels it lists do, so a transcript
 *   with a map is never misread;
 * - without one, an ALL-CAPS label does ("PARTNER:"), and so does any label a
 *   timestamped line has already used ("Dana:" after "[00:10] Dana:").
 * So "Note: she paused" continues the turn, while "NOTE:" without a map starts
 * one: list speakers in case.yaml to rule that out.
 */
export class TurnStartPolicy {
  private readonly seen = new Set<string>();
  constructor(private readonly speakers?: SpeakerMap) {}

  startsTurn(label: string, timestamped: boolean): boolean {
    const yes =
      timestamped ||
      lookup(DEFAULT_ROLES, label) !== undefined ||
      (this.speakers ? lookup(this.speakers, label) !== undefined : isAllCaps(label) || this.seen.has(label));
    if (yes) this.seen.add(label);
    return yes;
  }
}
