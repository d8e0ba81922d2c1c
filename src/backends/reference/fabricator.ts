import type { Case } from '../../domain/case.ts';
import { MEDICATIONS } from '../../text/medications.ts';
import { fold } from '../../text/normalize.ts';

// Plausible perinatal inventions, tried in order: the first the session never mentions is used.
const INVENTED_MEDS: readonly [string, string][] = [
  ['sertraline', '100 mg daily'],
  ['escitalopram', '15 mg daily'],
  ['zuranolone', '50 mg nightly'],
];
const SCREENERS = ['PHQ-9', 'EPDS', 'GAD-7'] as const;

/**
 * The `fabricator` control: the reference note plus an invented medication with a dose
 * and a screener score the session never gave. It must be flagged for fabrication.
 */
export function fabricatorNote(kase: Case): string {
  const spoken = fold(kase.transcript.turns.map((t) => t.text).join('\n'));
  const mentioned = (names: readonly string[]): boolean => names.some((n) => new RegExp(`\\b${n}\\b`, 'i').test(spoken));
  const med = INVENTED_MEDS.find(([name]) => !mentioned([name, ...(MEDICATIONS[name] ?? [])])) ?? INVENTED_MEDS[2]!;
  const given = new Set((kase.measures ?? []).map((m) => m.name.toUpperCase()));
  const screener = SCREENERS.find((s) => !given.has(s)) ?? 'PHQ-9';
  const measure = kase.measures?.find((m) => m.name.toUpperCase() === screener);
  // When every screener was given, change one score instead of inventing one.
  const score = measure ? (measure.total + 5) % 28 : 17;
  const addition = `Client reports taking ${med[0]} ${med[1]}, well tolerated. ${screener} total today ${score}.`;
  const firstBody = /^#{1,6}\s.*\n/m.exec(kase.referenceNote.replace(/^#\s.*\n/, (h) => ' '.repeat(h.length)));
  if (!firstBody) return `${kase.referenceNote.trimEnd()}\n\n${addition}\n`;
  const at = firstBody.index + firstBody[0].length;
  return `${kase.referenceNote.slice(0, at)}${addition} ${kase.referenceNote.slice(at)}`;
}
