import type { Case } from '../../domain/case.ts';
import type { Rubrics } from '../../domain/rubrics.ts';
import type { Turn } from '../../domain/transcript.ts';
import { hasTerm } from '../../text/normalize.ts';
import { riskEngine, scanTranscript } from '../../text/risk/index.ts';
import { splitSentences } from '../../text/sentences.ts';
import { renderNote } from './noteBuilder.ts';
import { riskSentence } from './riskWording.ts';

const MAX_QUOTES = 8;

const sentencesOf = (turns: readonly Turn[]): { turn: number; text: string }[] =>
  turns.flatMap((t) => splitSentences(t.text).map((s) => ({ turn: t.number, text: s.text.trim() })));

/** Picks n items spread evenly over the list, so the note covers the whole session. */
function spread<T>(items: readonly T[], n: number): T[] {
  if (items.length <= n) return [...items];
  return Array.from({ length: n }, (_, i) => items[Math.floor((i * items.length) / n)]!);
}

/**
 * The `extractive` reference scribe: a rule-based note built from the transcript alone
 * (never from the case's annotations), in the requested format. It is the floor a
 * vendor has to beat: it quotes the client, lists what the therapist did in the
 * modality's terms, and states every risk mention the scanner finds.
 */
export function extractiveNote(kase: Case, rubrics: Rubrics): string {
  const template = rubrics.formats[kase.noteFormat];
  if (!template) throw new Error(`no template for note format ${kase.noteFormat}`);
  const turns = kase.transcript.turns;
  const client = sentencesOf(turns.filter((t) => t.role === 'client')).filter((s) => s.text.split(/\s+/).length >= 8);
  const therapist = sentencesOf(turns.filter((t) => t.role === 'therapist'));
  const terms = (rubrics.modalities[kase.modality]?.elements ?? []).flatMap((e) => e.any);
  const interventions = therapist.filter((s) => terms.some((t) => hasTerm(s.text, t)));
  const planLines = therapist.filter((s) => /\b(next (week|session|time)|homework|practi[cs]e|before we meet|this week)\b/i.test(s.text));
  const screeners = sentencesOf(turns).filter((s) => /\b(EPDS|Edinburgh|PHQ|GAD)\b/i.test(s.text));
  const seen = new Set<string>();
  const risk = scanTranscript(riskEngine(rubrics.risk), turns)
    .filter((m) => m.confidence === 'high')
    .map((m) => riskSentence(m))
    .filter((line): line is string => line !== null && !seen.has(line) && Boolean(seen.add(line)));

  const quote = (s: { turn: number; text: string }): string => `- (turn ${s.turn}) "${s.text}"`;
  const narrative = ['Client stated:', ...spread(client, MAX_QUOTES).map(quote)].join('\n');
  const measures =
    screeners.length > 0 ? `Screeners discussed: ${screeners.map((s) => s.text).join(' ')}` : 'No screener scores discussed.';
  const riskBlock = risk.length > 0 ? `Risk: ${risk.join(' ')}` : 'Risk: no risk statements found in the transcript.';
  const interventionBlock =
    interventions.length > 0 ? ['Therapist:', ...spread(interventions, 6).map(quote)].join('\n') : 'Interventions not identified.';
  const plan = planLines.length > 0 ? spread(planLines, 4).map(quote).join('\n') : 'Continue treatment.';
  const responses = spread(
    client.filter((s) => interventions.some((i) => i.turn === s.turn - 1)),
    4,
  )
    .map(quote)
    .join('\n');

  const bodies: Record<string, string> = {
    subjective: narrative,
    data: `${narrative}\n\n${measures}\n\n${interventionBlock}`,
    behavior: `${narrative}\n\n${measures}\n\n${riskBlock}`,
    goal: `Session ${kase.session.number} (${kase.modality}). ${measures}`,
    objective: measures,
    assessment: riskBlock,
    intervention: interventionBlock,
    response: `${responses || 'Client engaged.'}${kase.noteFormat === 'girp' ? `\n\n${riskBlock}` : ''}`,
    plan,
  };
  return renderNote(`Progress note (extractive): ${kase.client.pseudonym}, session ${kase.session.number}`, template, bodies);
}
