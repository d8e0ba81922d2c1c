import { describe, expect, it } from 'vitest';
import { parseTranscript } from './transcript.ts';

const SRC = '/cases/x/transcript.txt';

describe('parseTranscript: the case format', () => {
  const text = [
    '[00:00:04] THERAPIST: Good morning, Dana. How have the last two weeks been?',
    '[00:00:09] CLIENT: Honestly? Rough. The baby is up every two hours and I',
    "feel like I'm walking through fog.",
    '',
    '   ',
    '[01:02:03] THERAPIST: That sounds exhausting.',
    'PARTNER: Can I add something?',
    '[12:30] CLIENT: Sure.',
  ].join('\n');
  const { transcript, problems } = parseTranscript(text, SRC);

  it("numbers turns from 1 and records each turn's starting line", () => {
    expect(problems).toEqual([]);
    expect(transcript.source).toBe(SRC);
    expect(transcript.turns.map((t) => [t.number, t.speaker, t.line])).toEqual([
      [1, 'THERAPIST', 1],
      [2, 'CLIENT', 2],
      [3, 'THERAPIST', 6],
      [4, 'PARTNER', 7],
      [5, 'CLIENT', 8],
    ]);
  });

  it('joins continuation lines into the turn and skips blank lines', () => {
    expect(transcript.turns[1]?.text).toBe("Honestly? Rough. The baby is up every two hours and I feel like I'm walking through fog.");
    expect(transcript.turns[2]?.text).toBe('That sounds exhausting.');
  });

  it('reads [hh:mm:ss] and [mm:ss] timestamps, and leaves startSeconds out without one', () => {
    expect(transcript.turns.map((t) => t.startSeconds)).toEqual([4, 9, 3723, undefined, 750]);
    expect('startSeconds' in (transcript.turns[3] ?? {})).toBe(false);
  });

  it('maps THERAPIST and CLIENT to their roles and other labels to other', () => {
    expect(transcript.turns.map((t) => t.role)).toEqual(['therapist', 'client', 'therapist', 'other', 'client']);
  });

  it('accepts CRLF line endings and a byte-order mark', () => {
    const r = parseTranscript('\uFEFFTHERAPIST: Hi.\r\nCLIENT: Hello.\r\n', SRC);
    expect(r.transcript.turns.map((t) => `${t.speaker}|${t.text}`)).toEqual(['THERAPIST|Hi.', 'CLIENT|Hello.']);
  });
});

describe('parseTranscript: which labels start a turn', () => {
  it('keeps "Note: ..." and other mixed-case prefixes inside the turn', () => {
    const r = parseTranscript('THERAPIST: Let us pause.\nNote: she paused for a long time\nCLIENT: Okay.\n', SRC);
    expect(r.transcript.turns).toHaveLength(2);
    expect(r.transcript.turns[0]?.text).toBe('Let us pause. Note: she paused for a long time');
  });

  it('accepts Therapist/Client in any case', () => {
    const r = parseTranscript('Therapist: Hi.\nClient: Hello.\n', SRC);
    expect(r.transcript.turns.map((t) => t.role)).toEqual(['therapist', 'client']);
  });

  it('rejects labels of more than three words and labels without a letter', () => {
    const r = parseTranscript('CLIENT: We met\nAT THE PARK TODAY: it was nice\n12:30 was the time\n', SRC);
    expect(r.transcript.turns).toHaveLength(1);
  });

  it('remembers a mixed-case label once a timestamped line has used it', () => {
    const r = parseTranscript('[00:01] Dana: Hi.\n[00:02] THERAPIST: Hello.\nDana: Again.\n', SRC);
    expect(r.transcript.turns.map((t) => t.speaker)).toEqual(['Dana', 'THERAPIST', 'Dana']);
  });

  it('with a speakers map, only mapped labels (and THERAPIST/CLIENT) start turns, and the map sets roles', () => {
    const text = 'DR LEE: How are you?\nMOM: Tired.\nNOTE: this stays in the turn\nTHERAPIST: ok\n';
    const r = parseTranscript(text, SRC, { 'DR LEE': 'therapist', MOM: 'client' });
    expect(r.transcript.turns.map((t) => [t.speaker, t.role])).toEqual([
      ['DR LEE', 'therapist'],
      ['MOM', 'client'],
      ['THERAPIST', 'therapist'],
    ]);
    expect(r.transcript.turns[1]?.text).toBe('Tired. NOTE: this stays in the turn');
  });
});

describe('parseTranscript: problems', () => {
  it('reports text before the first turn at its line, with a fix', () => {
    const r = parseTranscript('Session 4, recorded 2024-05-01\n\nTHERAPIST: Hi.\nCLIENT: Hello.\n', SRC);
    expect(r.transcript.turns).toHaveLength(2);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ file: SRC, line: 1, message: 'text before the first turn: "Session 4, recorded 2024-05-01"' });
    expect(r.problems[0]?.fix).toMatch(/THERAPIST: Good morning/);
  });

  it('hints that a mixed-case label may be meant as a speaker', () => {
    const r = parseTranscript('Nurse: I will sit in.\nTHERAPIST: Thank you.\n', SRC);
    expect(r.problems[0]?.fix).toContain('If "Nurse" is a speaker, write the label in capitals or list it under speakers');
  });

  it('reports an empty transcript', () => {
    const r = parseTranscript('\n \n', SRC);
    expect(r.transcript.turns).toEqual([]);
    expect(r.problems).toEqual([
      expect.objectContaining({ file: SRC, line: null, message: expect.stringMatching(/no speaker turns found/) }),
    ]);
  });

  it('reports a transcript with no speaker labels at its first line, once', () => {
    const r = parseTranscript('hello there\nhow are you\n', SRC);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ line: 1, message: 'no speaker turns found; first line: "hello there"' });
  });

  it('reports a turn without text at its line', () => {
    const r = parseTranscript('THERAPIST: Hi.\nCLIENT:\nTHERAPIST: Take your time.\n', SRC);
    expect(r.problems).toEqual([expect.objectContaining({ line: 2, message: 'turn 2 (CLIENT) has no text' })]);
  });

  it('reports a malformed timestamp but keeps the turn', () => {
    const r = parseTranscript('[99:99] THERAPIST: Hi.\n[00:61:00] CLIENT: Hello.\n[00:05] THERAPIST: Earlier is fine.\n', SRC);
    expect(r.transcript.turns).toHaveLength(3);
    expect(r.transcript.turns[0]?.startSeconds).toBeUndefined();
    expect(r.problems.map((p) => [p.line, p.message])).toEqual([
      [1, 'timestamp [99:99] is not a valid time'],
      [2, 'timestamp [00:61:00] is not a valid time'],
    ]);
  });

  it('reports a timestamp with no speaker label', () => {
    const r = parseTranscript('THERAPIST: Hi.\n[00:00:09] Rough week.\n', SRC);
    expect(r.problems[0]).toMatchObject({ line: 2, message: 'line starts with a timestamp [00:00:09] but has no speaker label' });
  });
});
