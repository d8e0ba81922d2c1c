import type { InputProblem } from '../domain/errors.ts';
import { TurnStartPolicy, splitLine, type SpeakerMap } from './speakers.ts';
import { parseClock } from './timecode.ts';
import { NO_TURNS, TURN_EXAMPLE, assembleTurns, type Segment, type TranscriptResult } from './turns.ts';

export type { TranscriptResult } from './turns.ts';

const quote = (s: string): string => JSON.stringify(s.length > 50 ? `${s.slice(0, 47)}...` : s);

/**
 * Parses the case transcript format (fixtures/README.md): `[hh:mm:ss] LABEL: text`
 * starts a turn (timestamp optional, also `[mm:ss]`), any other non-blank line
 * continues the turn before it, blank lines are ignored. Which `LABEL:` lines
 * start turns is decided by TurnStartPolicy (see speakers.ts). Timestamps that
 * go backwards are accepted (recordings get restarted and spliced); only a
 * timestamp that is not a time at all, like [99:99], is a problem.
 */
export function parseTranscript(text: string, source: string, speakers?: SpeakerMap): TranscriptResult {
  const problems: InputProblem[] = [];
  const policy = new TurnStartPolicy(speakers);
  const segments: Segment[] = [];
  let stray: { line: number; text: string; label: string | null } | null = null;

  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (const [i, raw] of lines.entries()) {
    const line = i + 1;
    if (raw.trim() === '') continue;
    const parts = splitLine(raw);
    const timestamped = parts.timestamp !== null;
    if (parts.label !== null && policy.startsTurn(parts.label, timestamped)) {
      segments.push({
        speaker: parts.label,
        text: [parts.rest],
        line,
        startSeconds: timestampSeconds(parts.timestamp, source, line, problems),
      });
      continue;
    }
    if (timestamped && parts.label === null) {
      problems.push({
        file: source,
        line,
        message: `line starts with a timestamp [${parts.timestamp}] but has no speaker label`,
        fix: `add the speaker after the timestamp, e.g. ${TURN_EXAMPLE}`,
      });
    }
    const last = segments.at(-1);
    if (last) last.text.push(raw.trim());
    else stray ??= { line, text: raw.trim(), label: parts.label };
  }

  if (stray !== null) {
    const { label } = stray;
    const hint = label === null ? '' : ` If "${label}" is a speaker, write the label in capitals or list it under speakers in case.yaml.`;
    problems.push({
      file: source,
      line: stray.line,
      message: segments.length > 0 ? `text before the first turn: ${quote(stray.text)}` : `${NO_TURNS}; first line: ${quote(stray.text)}`,
      fix: `start every turn with a speaker label, e.g. ${TURN_EXAMPLE}; delete or move text that belongs to no turn.${hint}`,
    });
  }
  return assembleTurns(segments, { source, speakers, mergeSameSpeaker: false }, problems);
}

function timestampSeconds(stamp: string | null, source: string, line: number, problems: InputProblem[]): number | null {
  if (stamp === null) return null;
  const seconds = parseClock(stamp);
  if (seconds === null) {
    problems.push({
      file: source,
      line,
      message: `timestamp [${stamp}] is not a valid time`,
      fix: 'write it as [hh:mm:ss] or [mm:ss], with minutes and seconds below 60, e.g. [00:12:05]',
    });
  }
  return seconds;
}
