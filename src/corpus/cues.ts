import type { InputProblem } from '../domain/errors.ts';
import { TurnStartPolicy, splitLine, type SpeakerMap } from './speakers.ts';
import { parseCueStart } from './timecode.ts';
import { assembleTurns, type Segment, type TranscriptResult } from './turns.ts';

/** Shared by the WebVTT and SRT importers: both are blank-line separated cues with a `-->` timing line. */
export interface Block {
  /** 1-based line of the block's first line. */
  line: number;
  lines: string[];
}

export function splitBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let current: Block | null = null;
  for (const [i, raw] of text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .entries()) {
    if (raw.trim() === '') current = null;
    else if (current) current.lines.push(raw);
    else blocks.push((current = { line: i + 1, lines: [raw] }));
  }
  return blocks;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', lrm: '', rlm: '' };

/** Cue text without markup (<i>, <c.loud>, inline <00:00:05.000> times) and with entities decoded. */
function plain(text: string): string {
  return text
    .replace(/<[^>]*>/g, '')
    .replace(/&(#\d+|[a-z]+);/g, (all, name: string) =>
      name.startsWith('#') ? String.fromCodePoint(Number(name.slice(1))) : (ENTITIES[name] ?? all),
    )
    .trim();
}

const VOICE = /^\s*<v(?:\.[^\s>]*)?\s+([^>]+)>/;

export interface CueOptions {
  source: string;
  speakers: SpeakerMap | undefined;
  /** WebVTT names speakers with <v Name> voice tags; SRT only with "NAME:" prefixes. */
  voiceTags: boolean;
  /** How a cue-less block is explained in a fix (differs between the formats). */
  timingExample: string;
}

/**
 * Turns cue blocks into a transcript. A speaker is named by a voice tag or by a
 * `NAME:` prefix; the first line of a cue counts as timestamped (the cue timing
 * is one), so any label there starts a turn, while later lines follow the
 * transcript.txt rule (TurnStartPolicy). Text without a speaker continues the
 * previous speaker; consecutive cues of one speaker become one turn, whose
 * `line` is the first cue's timing line.
 */
export function cuesToTranscript(blocks: readonly Block[], opts: CueOptions, problems: InputProblem[]): TranscriptResult {
  const policy = new TurnStartPolicy(opts.speakers);
  const segments: Segment[] = [];
  let unattributed = false;
  for (const block of blocks) {
    const t = block.lines.findIndex((l) => l.includes('-->'));
    if (t < 0) {
      problems.push({
        file: opts.source,
        line: block.line,
        message: 'text outside a cue (no timing line above it)',
        fix: `put a timing line such as "${opts.timingExample}" above the text, and separate cues with one blank line`,
      });
      continue;
    }
    const cueLine = block.line + t;
    const start = parseCueStart(block.lines[t] ?? '');
    if (start === null)
      problems.push({ file: opts.source, line: cueLine, message: 'malformed cue timing', fix: `write it like "${opts.timingExample}"` });
    for (const [i, raw] of block.lines.slice(t + 1).entries()) {
      const voice = opts.voiceTags ? VOICE.exec(raw) : null;
      let speaker = voice?.[1]?.trim() ?? null;
      let text = plain(voice ? raw.slice(voice[0].length) : raw).replace(/^-\s+/, '');
      if (speaker === null) {
        const parts = splitLine(text);
        if (parts.label !== null && parts.timestamp === null && policy.startsTurn(parts.label, i === 0)) {
          speaker = parts.label;
          text = parts.rest;
        }
      }
      const last = segments.at(-1);
      if (speaker !== null) segments.push({ speaker, text: [text], line: cueLine, startSeconds: start });
      else if (last) last.text.push(text);
      else if (!unattributed) {
        unattributed = true;
        const how = opts.voiceTags
          ? 'start the cue text with a voice tag, e.g. "<v THERAPIST>Good morning."'
          : 'start the cue text with the speaker, e.g. "THERAPIST: Good morning."';
        problems.push({ file: opts.source, line: cueLine, message: 'cue has no speaker, so its text belongs to no turn', fix: how });
      }
    }
  }
  return assembleTurns(segments, { source: opts.source, speakers: opts.speakers, mergeSameSpeaker: true }, problems);
}
