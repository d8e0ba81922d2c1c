import type { FabricationFinding } from '../../domain/scorecard.ts';
import { fold } from '../../text/normalize.ts';
import { spokenNumbersToDigits } from '../../text/numbers.ts';
import { sentenceAround } from '../evidence.ts';
import type { Session } from './support.ts';

const UNITS: Record<string, string> = {
  d: 'day',
  w: 'week',
  wk: 'week',
  mo: 'month',
  m: 'month',
  y: 'year',
  yr: 'year',
  h: 'hour',
  hr: 'hour',
  n: 'night',
};
const DURATION = /(\d+(?:\.\d+)?)\s*(days?|weeks?|wks?|months?|mos?|years?|yrs?|hours?|hrs?|nights?)\b/gi;
const MONTHS =
  'january|february|march|april|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec';
// "6/10" without a year is a 0-10 rating (SUDS, mood, urges), never 10 June: the lookahead skips it.
const DATE = new RegExp(
  `\\b(?:(\\d{1,2})(?:st|nd|rd|th)?(?: of)? (${MONTHS})\\b|(${MONTHS})\\.? (\\d{1,2})(?:st|nd|rd|th)?\\b|(\\d{1,2})/(?!10\\b(?!/))(\\d{1,2})(?:/\\d{2,4})?\\b)`,
  'gi',
);

const unitOf = (raw: string): string => {
  const u = raw.toLowerCase().replace(/s$/, '');
  return UNITS[u] ?? u;
};

/** Number-unit pairs a text states, as "7 week", "2 night". */
function durations(text: string): Set<string> {
  return new Set([...fold(spokenNumbersToDigits(text)).matchAll(DURATION)].map((m) => `${Number(m[1])} ${unitOf(m[2] ?? '')}`));
}

/**
 * Durations and dates the session does not state: "for 6 weeks", "on 3 March". Minor:
 * a wrong duration misleads the next reader but rarely changes management; the case's
 * own metadata (weeks postpartum, session minutes) counts as support.
 */
export function timeFindings(note: string, { kase, spoken }: Session): FabricationFinding[] {
  const said = new Set([
    ...spoken.flatMap((t) => [...durations(t)]),
    ...durations(`${kase.client.perinatal ?? ''} ${kase.title} ${kase.session.minutes} minutes`),
  ]);
  const out: FabricationFinding[] = [];
  const reported = new Set<string>();
  for (const m of note.matchAll(DURATION)) {
    const key = `${Number(m[1])} ${unitOf(m[2] ?? '')}`;
    if (said.has(key) || reported.has(key)) continue;
    reported.add(key);
    out.push({
      kind: 'duration',
      severity: 'minor',
      noteQuote: sentenceAround(note, m.index),
      claim: m[0],
      explanation: `The note states "${m[0]}"; the session never gives that length of time.`,
      transcriptTurns: [],
      evidence: [],
    });
  }
  const sessionText = spoken.join('\n');
  const mentions = (needle: string): boolean => new RegExp(`(?<![a-z0-9])${needle}`, 'i').test(sessionText);
  for (const m of note.matchAll(DATE)) {
    const day = m[1] ?? m[4] ?? m[5] ?? '';
    const month = (m[2] ?? m[3] ?? m[6] ?? '').toLowerCase().slice(0, 3);
    if (mentions(`${Number(day)}(?!\\d)`) && mentions(/^\d/.test(month) ? `${Number(month)}(?!\\d)` : month)) continue;
    out.push({
      kind: 'date',
      severity: 'minor',
      noteQuote: sentenceAround(note, m.index),
      claim: m[0],
      explanation: `The note gives the date "${m[0]}", which the session never mentions.`,
      transcriptTurns: [],
      evidence: [],
    });
  }
  return out;
}
