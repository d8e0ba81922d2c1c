import type { InputProblem } from '../domain/errors.ts';
import type { Transcript, Turn } from '../domain/transcript.ts';
import { roleFor, type SpeakerMap } from './speakers.ts';

export interface TranscriptResult {
  transcript: Transcript;
  problems: InputProblem[];
}

/** A speaker's stretch of text as a parser found it, before numbering. */
export interface Segment {
  speaker: string;
  text: string[];
  line: number;
  startSeconds: number | null;
}

export interface AssembleOptions {
  source: string;
  speakers: SpeakerMap | undefined;
  /** Subtitle formats split one turn over many cues: join consecutive segments of one speaker. */
  mergeSameSpeaker: boolean;
}

/** Start of the message for a transcript without turns, so parsers do not report it twice. */
export const NO_TURNS = 'no speaker turns found';

const EXAMPLE = '"[00:00:04] THERAPIST: Good morning." (the timestamp is optional)';

/** Numbers segments into turns from 1 and reports turns without text and transcripts without turns. */
export function assembleTurns(segments: readonly Segment[], opts: AssembleOptions, problems: InputProblem[]): TranscriptResult {
  const merged: Segment[] = [];
  for (const s of segments) {
    const last = merged.at(-1);
    if (opts.mergeSameSpeaker && last && last.speaker === s.speaker) last.text.push(...s.text);
    else merged.push({ ...s, text: [...s.text] });
  }
  const turns: Turn[] = merged.map((s, i) => {
    const turn: Turn = {
      number: i + 1,
      speaker: s.speaker,
      role: roleFor(s.speaker, opts.speakers),
      text: s.text.filter((t) => t !== '').join(' '),
      line: s.line,
    };
    if (s.startSeconds !== null) turn.startSeconds = s.startSeconds;
    return turn;
  });
  for (const t of turns) {
    if (t.text === '') {
      problems.push({
        file: opts.source,
        line: t.line,
        message: `turn ${t.number} (${t.speaker}) has no text`,
        fix: `write what was said after "${t.speaker}:", or delete the line (evidence numbers after it then shift down by one)`,
      });
    }
  }
  if (turns.length === 0 && !problems.some((p) => p.message.startsWith(NO_TURNS))) {
    problems.push({
      file: opts.source,
      line: null,
      message: `${NO_TURNS}: the transcript is empty`,
      fix: `start each turn with a speaker label, e.g. ${EXAMPLE}`,
    });
  }
  return { transcript: { source: opts.source, turns }, problems };
}

export { EXAMPLE as TURN_EXAMPLE };
