import { parseSrt } from './srt.ts';
import type { SpeakerMap } from './speakers.ts';
import { parseTranscript } from './transcript.ts';
import type { TranscriptResult } from './turns.ts';
import { parseWebVtt } from './vtt.ts';

export type TranscriptFormat = 'vtt' | 'srt' | 'txt';

/**
 * Which parser a transcript needs. Content decides first (a "WEBVTT" header; a
 * numeric index line followed by a `-->` timing line), the file extension
 * second, so a mis-named export is still read correctly.
 */
export function detectTranscriptFormat(text: string, source: string): TranscriptFormat {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines[0]?.startsWith('WEBVTT')) return 'vtt';
  const first = lines.findIndex((l) => l.trim() !== '');
  if (first >= 0 && /^\d+\s*$/.test(lines[first] ?? '') && (lines[first + 1] ?? '').includes('-->')) return 'srt';
  const ext = source.toLowerCase().split('.').pop();
  if (ext === 'vtt') return 'vtt';
  if (ext === 'srt') return 'srt';
  return 'txt';
}

/** Parses a transcript in the case format, WebVTT or SRT, whichever it is. */
export function parseAnyTranscript(text: string, source: string, speakers?: SpeakerMap): TranscriptResult {
  const parse = { vtt: parseWebVtt, srt: parseSrt, txt: parseTranscript }[detectTranscriptFormat(text, source)];
  return parse(text, source, speakers);
}
