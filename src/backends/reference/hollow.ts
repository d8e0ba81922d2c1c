import type { Case } from '../../domain/case.ts';
import type { Rubrics } from '../../domain/rubrics.ts';
import { renderNote } from './noteBuilder.ts';

// Boilerplate of the kind general models write: every section filled, nothing said.
// Deliberately silent on risk, screeners and specifics.
const BOILERPLATE: Record<string, string> = {
  subjective:
    'Client attended the session and discussed current stressors. Client reported that mood has been variable over the past weeks and that things have been challenging at times.',
  data: 'Client attended the session and discussed current stressors and recent events. Client reported that mood has been variable and that things have been challenging at times.',
  behavior:
    'Client presented as engaged and cooperative throughout the session. Client discussed current stressors and recent events at home.',
  goal: 'Continue working toward treatment goals as outlined in the treatment plan. Improve coping and overall functioning.',
  objective: 'Client was alert and cooperative. Appearance appropriate. Affect congruent with mood. Thought process linear.',
  assessment:
    'Client continues to make progress toward treatment goals. Client would benefit from continued therapy to address current concerns.',
  intervention:
    'Therapist provided supportive interventions consistent with the treatment plan and explored current stressors with the client.',
  response: 'Client was receptive to interventions and engaged well in the session.',
  plan: 'Continue current treatment plan. Next session scheduled as usual. Client to practice coping skills discussed in session.',
};

/** The `hollow` control: well formatted, clinically empty. It must be flagged. */
export function hollowNote(kase: Case, rubrics: Rubrics): string {
  const template = rubrics.formats[kase.noteFormat];
  if (!template) throw new Error(`no template for note format ${kase.noteFormat}`);
  return renderNote(`Progress note: ${kase.client.pseudonym}, session ${kase.session.number}`, template, BOILERPLATE);
}
