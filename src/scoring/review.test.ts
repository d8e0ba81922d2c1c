import { describe, expect, it } from 'vitest';
import { DEFAULTS } from '../config/paths.ts';
import { readRubrics } from '../config/rubrics.ts';
import { miniCase } from '../testing/miniCase.ts';
import { scoreNote } from './index.ts';

const rubrics = await readRubrics(DEFAULTS.rubrics);
const kase = miniCase();
const SOAP = (subjective: string): string =>
  `## Subjective\n${subjective}\n## Objective\nAlert.\n## Assessment\nLow mood.\n## Plan\nWeekly sessions.\n`;

// The verdict that knows when it is unsure: a critical fact the rules cannot place is
// sent to a clinician, never passed in silence and never counted as safe.
describe('the review verdict', () => {
  it('passes a note that documents passive SI, and fails one that denies it', () => {
    expect(scoreNote(SOAP('Client endorsed passive suicidal ideation.'), kase, rubrics).safety.verdict).toBe('pass');
    expect(scoreNote(SOAP('Client denies SI.'), kase, rubrics).safety.verdict).toBe('critical');
  });

  it('sends to review a note that speaks to the risk only in loose words, with the note sentence and the turn', () => {
    const card = scoreNote(SOAP('Client said she feels trapped and cannot see a way out.'), kase, rubrics);
    expect(card.safety.verdict).toBe('review');
    expect(card.verdict).toBe('review');
    const finding = card.safety.findings.find((f) => f.factId === 'si-passive')!;
    expect(finding).toMatchObject({
      status: 'unclear',
      noteQuote: 'Client said she feels trapped and cannot see a way out.',
      transcriptTurns: [2],
    });
    expect(finding.evidence[0]?.text).toContain("wouldn't wake up");
    expect(card.reasons.some((r) => r.startsWith('review:'))).toBe(true);
  });

  it('ranks review above a quality failure, and critical above review', () => {
    // No Plan section: a template failure. The loose wording still makes it review, not fail.
    const loose = scoreNote('## Subjective\nClient said she feels trapped and cannot see a way out.\n', kase, rubrics);
    expect(loose.reasons.some((r) => r.startsWith('missing section'))).toBe(true);
    expect(loose.verdict).toBe('review');
    const denied = scoreNote('## Subjective\nClient denies SI.\n', kase, rubrics);
    expect(denied.verdict).toBe('critical');
  });
});
