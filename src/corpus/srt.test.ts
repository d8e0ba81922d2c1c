import { describe, expect, it } from 'vitest';
import { detectTranscriptFormat, parseAnyTranscript } from './anyTranscript.ts';
import { parseSrt } from './srt.ts';

const SRC = '/in/session.srt';

const SRT = `1
00:00:04,000 --> 00:00:08,000
THERAPIST: Good morning, Dana.

2
00:00:09,000 --> 00:00:12,000
CLIENT: Honestly? Rough.

3
00:00:12,500 --> 00:00:15,000
The baby is up every two hours.

4
00:00:16,000 --> 00:00:18,000
Speaker 3: Can I say something?
`;

describe('parseSrt', () => {
  const { transcript, problems } = parseSrt(SRT, SRC);

  it('takes speakers from prefixes and continues the speaker through unlabelled cues', () => {
    expect(problems).toEqual([]);
    expect(transcript.turns.map((t) => [t.number, t.speaker, t.role, t.text])).toEqual([
      [1, 'THERAPIST', 'therapist', 'Good morning, Dana.'],
      [2, 'CLIENT', 'client', 'Honestly? Rough. The baby is up every two hours.'],
      [3, 'Speaker 3', 'other', 'Can I say something?'],
    ]);
  });

  it('keeps cue start times and timing-line numbers', () => {
    expect(transcript.turns.map((t) => [t.startSeconds, t.line])).toEqual([
      [4, 2],
      [9, 6],
      [16, 14],
    ]);
  });

  it('reports a malformed timing and a first cue without a speaker', () => {
    const r = parseSrt('1\n00:00:xx,000 --> 00:00:02,000\nhello\n', SRC);
    expect(r.problems.map((p) => [p.line, p.message])).toEqual([
      [2, 'malformed cue timing'],
      [2, 'cue has no speaker, so its text belongs to no turn'],
      [null, 'no speaker turns found: the transcript is empty'],
    ]);
  });
});

describe('parseAnyTranscript', () => {
  it('chooses the parser by content before extension', () => {
    expect(detectTranscriptFormat('WEBVTT\n\n', 'x.txt')).toBe('vtt');
    expect(detectTranscriptFormat(SRT, 'x.txt')).toBe('srt');
    expect(detectTranscriptFormat('THERAPIST: hi', 'x.txt')).toBe('txt');
    expect(detectTranscriptFormat('THERAPIST: hi', 'x.SRT')).toBe('srt');
  });

  it('gives the same turns for one session in all three formats', () => {
    const txt = '[00:00:04] THERAPIST: Good morning.\n[00:00:09] CLIENT: Rough.\n';
    const vtt = 'WEBVTT\n\n00:00:04.000 --> 00:00:08.000\n<v THERAPIST>Good morning.\n\n00:00:09.000 --> 00:00:12.000\n<v CLIENT>Rough.\n';
    const srt = '1\n00:00:04,000 --> 00:00:08,000\nTHERAPIST: Good morning.\n\n2\n00:00:09,000 --> 00:00:12,000\nCLIENT: Rough.\n';
    const shape = (text: string) =>
      parseAnyTranscript(text, 'session').transcript.turns.map(({ number, speaker, role, text: t, startSeconds }) => ({
        number,
        speaker,
        role,
        t,
        startSeconds,
      }));
    expect(shape(vtt)).toEqual(shape(txt));
    expect(shape(srt)).toEqual(shape(txt));
    expect(shape(txt)).toHaveLength(2);
  });
});
