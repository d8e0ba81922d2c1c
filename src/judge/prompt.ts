import type { Case, Fact } from '../domain/case.ts';

export const GRADER_SYSTEM = [
  'You grade a psychotherapy progress note against one rubric criterion, as a careful clinical supervisor would.',
  'Judge only whether the note meets the criterion, using the session excerpt as ground truth.',
  'A note meets a criterion about risk only if it records the same level and the same assertion',
  '(voiced, denied, historical) as the session; a note that states the opposite does not meet it.',
  'Answer with criteria_met (true or false) and a one-sentence explanation quoting the note.',
].join(' ');

/**
 * How the criterion frames a fact's assertion. A denial must read as a denial: a note that
 * turns "denied a plan" into "has a plan" (or drops the denial) does not meet the criterion.
 */
const FRAMING: Record<Fact['assertion'], string> = {
  present: 'The note documents',
  denied: 'The note documents that the client denied',
  historical: 'The note documents, as past history rather than current',
  hypothetical: 'The note documents, as hypothetical rather than actual',
  other: 'The note documents',
};

/** One criterion per fact: what a note must say for the fact to count as documented. */
export function criterionFor(fact: Fact): string {
  return `${FRAMING[fact.assertion]}: ${fact.statement}`;
}

/** The session turns behind the fact, so the grader sees what was actually said. */
export function evidenceExcerpt(kase: Case, fact: Fact): string {
  return fact.evidence
    .map((n) => kase.transcript.turns[n - 1])
    .flatMap((t) => (t ? [`[${t.number}] ${t.speaker}: ${t.text}`] : []))
    .join('\n');
}

export function graderMessage(kase: Case, fact: Fact, note: string): string {
  return [
    `Session excerpt (transcript turns behind the criterion):\n${evidenceExcerpt(kase, fact)}`,
    `Progress note:\n<<<\n${note}\n>>>`,
    `Criterion: ${criterionFor(fact)}`,
    'Does the note meet the criterion?',
  ].join('\n\n');
}

/** The answer's JSON schema, for OpenAI structured output and Anthropic tool input alike. */
export const GRADE_SCHEMA = {
  type: 'object',
  properties: {
    criteria_met: { type: 'boolean', description: 'true if the note meets the criterion' },
    explanation: { type: 'string', description: 'one sentence, quoting the note' },
  },
  required: ['criteria_met', 'explanation'],
  additionalProperties: false,
} as const;
