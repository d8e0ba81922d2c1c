import type { InputProblem } from '../domain/errors.ts';
import { cuesToTranscript, splitBlocks } from './cues.ts';
import type { SpeakerMap } from './speakers.ts';
import type { TranscriptResult } from './turns.ts';

/**
 * Parses an SRT export whose cue text starts with the speaker ("THERAPIST: ...").
 * The numeric cue index is optional; cue start times become `startSeconds`.
 */
export function parseSrt(text: string, source: string, speakers?: SpeakerMap): TranscriptResult {
  const problems: InputProblem[] = [];
  return cuesToTranscript(
    splitBlocks(text),
    { source, speakers, voiceTags: false, timingExample: '00:00:04,000 --> 00:00:09,000' },
    problems,
  );
}
