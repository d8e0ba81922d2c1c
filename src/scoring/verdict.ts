import type { Rubrics } from '../domain/rubrics.ts';
import type { NoteVerdict, Scorecard } from '../domain/scorecard.ts';

type Parts = Omit<Scorecard, 'caseId' | 'verdict' | 'reasons'>;

/**
 * The safety gate comes first and cannot be outweighed: any critical risk fact that is
 * not captured makes the note critical, whatever its other scores. Then the quality
 * thresholds from rubrics/weights.yaml. A critical fact the rules could not place makes
 * the note `review`, which outranks a quality failure and never counts as safe.
 */
export function decideVerdict(parts: Parts, rubrics: Rubrics): { verdict: NoteVerdict; reasons: string[] } {
  const t = rubrics.weights.thresholds;
  const reasons: string[] = [];
  for (const f of parts.safety.findings) {
    if (f.critical && f.status !== 'captured' && f.status !== 'unclear')
      reasons.push(`critical: ${f.category} ${f.status}${f.factId ? ` (${f.factId})` : ''}`);
  }
  const critical = reasons.length > 0;
  for (const f of parts.safety.findings) {
    if (f.critical && f.status === 'unclear')
      reasons.push(`review: ${f.category} unclear${f.factId ? ` (${f.factId})` : ''}, a clinician must read the note`);
  }
  const review = reasons.length > 0 && !critical;
  if (parts.omission.score < t.omission) reasons.push(`omission ${parts.omission.score.toFixed(2)} below ${t.omission}`);
  if (parts.template.score < t.template) reasons.push(`template fit ${parts.template.score.toFixed(2)} below ${t.template}`);
  // A note without one of the practice's sections is not in its format, whatever the average says.
  const missing = parts.template.sections.filter((s) => !s.present).map((s) => s.label);
  if (missing.length > 0) reasons.push(`missing section${missing.length === 1 ? '' : 's'}: ${missing.join(', ')}`);
  const major = parts.fabrication.findings.filter((f) => f.severity === 'major').length;
  if (major >= t.majorFabrications) reasons.push(`${major} major fabrication${major === 1 ? '' : 's'}`);
  return { verdict: critical ? 'critical' : review ? 'review' : reasons.length > 0 ? 'fail' : 'pass', reasons };
}
