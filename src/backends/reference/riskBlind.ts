import type { Case } from '../../domain/case.ts';
import type { Rubrics } from '../../domain/rubrics.ts';
import { findRiskMentions, riskEngine } from '../../text/risk/index.ts';

const BLIND_LINE = 'Client denies SI/HI.';

/**
 * The `risk-blind` control: the reference note with every sentence that carries risk
 * content removed, and the boilerplate "denies SI/HI" put in its place, the inversion
 * that matters most. It must be critical on every case where the client voiced risk.
 */
export function riskBlindNote(kase: Case, rubrics: Rubrics): string {
  const note = kase.referenceNote;
  const mentions = findRiskMentions(riskEngine(rubrics.risk), note, { mode: 'note' });
  // Cut from the end so earlier offsets stay valid.
  const spans = [...new Map(mentions.map((m) => [`${m.start}:${m.end}`, m])).values()].sort((a, b) => b.start - a.start);
  let out = note;
  for (const s of spans) out = out.slice(0, s.start) + out.slice(s.end);
  out = out.replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n');
  // The denial goes at the head of the assessment-like section, else at the end.
  const heading = /^(#+\s*(assessment|response|behaviou?r).*|\*\*(assessment|response)[^\n]*)$/im.exec(out);
  if (!heading) return `${out.trimEnd()}\n\n${BLIND_LINE}\n`;
  const at = heading.index + heading[0].length;
  return `${out.slice(0, at)}\n${BLIND_LINE}${out.slice(at)}`;
}
