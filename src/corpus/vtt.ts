import type { InputProblem } from '../domain/errors.ts';
import { cuesToTranscript, splitBlocks } from './cues.ts';
import type { SpeakerMap } from './speakers.ts';
import type { TranscriptResult } from './turns.ts';

/** Blocks that carry no spoken text: comments, styles, region definitions. */
const SKIPPED = /^(NOTE|STYLE|REGION)(\s|$)/;

/**
 * Parses a WebVTT export: speakers from `<v Name>` voice tags (or a `NAME:`
 * prefix), cue start times as `startSeconds`. See cuesToTranscript for how cues
 * become turns.
 */
export function parseWebVtt(text: string, source: string, speakers?: SpeakerMap): TranscriptResult {
  const problems: InputProblem[] = [];
  const blocks = splitBlocks(text);
  const header = blocks[0];
  if (header?.lines[0]?.startsWith('WEBVTT')) blocks.shift();
  else
    problems.push({
      file: source,
      line: 1,
      message: 'a WebVTT file must start with "WEBVTT"',
      fix: 'add a first line "WEBVTT" followed by a blank line',
    });
  const cues = blocks.filter((b) => !SKIPPED.test(b.lines[0] ?? ''));
  return cuesToTranscript(cues, { source, speakers, voiceTags: true, timingExample: '00:00:04.000 --> 00:00:09.000' }, problems);
}
