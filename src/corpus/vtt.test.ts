import { describe, expect, it } from 'vitest';
import { parseWebVtt } from './vtt.ts';

const SRC = '/in/session.vtt';

const VTT = `WEBVTT
Kind: captions

NOTE exported by a recorder
with two lines

1
00:00:04.000 --> 00:00:08.500 align:start
<v Therapist>Good morning, Dana.</v>

2
00:00:09.000 --> 00:00:12.000
<v.loud Dana>Honestly? <i>Rough</i> &amp; tired.

00:00:12.500 --> 00:00:15.000
<v Dana>The baby is up every two hours.

01:02:03.250 --> 01:02:05.000
<v Therapist>That sounds exhausting.
<v Dana>It is.
`;

describe('parseWebVtt', () => {
  const { transcript, problems } = parseWebVtt(VTT, SRC, { Dana: 'client' });

  it('takes speakers from voice tags and merges consecutive cues of one speaker', () => {
    expect(problems).toEqual([]);
    expect(transcript.turns.map((t) => [t.number, t.speaker, t.role])).toEqual([
      [1, 'Therapist', 'therapist'],
      [2, 'Dana', 'client'],
      [3, 'Therapist', 'therapist'],
      [4, 'Dana', 'client'],
    ]);
    expect(transcript.turns[1]?.text).toBe('Honestly? Rough & tired. The baby is up every two hours.');
  });

  it("uses the cue start as startSeconds and the first cue's timing line as line", () => {
    expect(transcript.turns.map((t) => t.startSeconds)).toEqual([4, 9, 3723.25, 3723.25]);
    expect(transcript.turns.map((t) => t.line)).toEqual([8, 12, 18, 18]);
  });

  it('maps unlisted voices to other without a speakers map', () => {
    const r = parseWebVtt('WEBVTT\n\n00:01.000 --> 00:02.000\n<v Speaker 2>Hi.\n', SRC);
    expect(r.transcript.turns[0]).toMatchObject({ speaker: 'Speaker 2', role: 'other', startSeconds: 1 });
  });

  it('reads "NAME:" prefixes when a cue has no voice tag', () => {
    const r = parseWebVtt('WEBVTT\n\n00:01.000 --> 00:02.000\nCLIENT: Hi.\n', SRC);
    expect(r.transcript.turns[0]).toMatchObject({ speaker: 'CLIENT', role: 'client', text: 'Hi.' });
  });

  it('reports a missing header, a cue without a speaker and text outside a cue', () => {
    const r = parseWebVtt('00:01.000 --> 00:02.000\nNobody said this.\n\nstray text\n', SRC);
    expect(r.problems.map((p) => [p.line, p.message])).toEqual([
      [1, 'a WebVTT file must start with "WEBVTT"'],
      [1, 'cue has no speaker, so its text belongs to no turn'],
      [4, 'text outside a cue (no timing line above it)'],
      [null, 'no speaker turns found: the transcript is empty'],
    ]);
    expect(r.problems[1]?.fix).toContain('<v THERAPIST>');
  });
});
