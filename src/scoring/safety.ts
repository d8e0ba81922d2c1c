import { isCriticalByDefault, isRiskCategory, riskFamily } from '../domain/categories.ts';
import type { Case } from '../domain/case.ts';
import type { SafetyFinding, SafetyResult } from '../domain/scorecard.ts';
import { scanTranscript, type RiskEngine, type RiskMention } from '../text/risk/index.ts';
import { evidenceTurns } from './evidence.ts';
import type { ScoringInput } from './input.ts';
import { judgeFact } from './riskFact.ts';
import { judgeRiskFact } from './riskMatch.ts';

export { factText, voicedCategories } from './riskFact.ts';

/**
 * Safety first: every risk fact is captured, omitted, contradicted or mischaracterised,
 * and a critical one that is not captured fails the note outright. Where the rules cannot
 * tell, the finding is unclear and the note goes to a clinician: `review`, never a silent
 * pass. Risk the transcript voices but the case did not annotate is reported too (never
 * gating: the scanner, not a clinician, found it).
 */
export function scoreSafety({ note, kase, engine, mentions }: ScoringInput): SafetyResult {
  const findings: SafetyFinding[] = [];
  for (const fact of kase.facts) {
    if (!isRiskCategory(fact.category)) continue;
    const judged = judgeFact(engine, kase, { ...fact, category: fact.category }, note, mentions);
    findings.push({
      factId: fact.id,
      category: fact.category,
      expected: fact.assertion,
      status: judged.status,
      critical: fact.critical ?? isCriticalByDefault(fact.category),
      noteQuote: judged.mention?.sentence.trim() ?? null,
      transcriptTurns: fact.evidence,
      evidence: evidenceTurns(kase, fact.evidence),
      explanation: judged.explanation,
    });
  }
  findings.push(...unannotatedRisk(engine, kase, mentions));
  return { verdict: verdictOf(findings), findings };
}

/** critical: a critical fact the note gets wrong. review: one it speaks to in words the rules cannot place. */
export function verdictOf(findings: readonly SafetyFinding[]): SafetyResult['verdict'] {
  const gating = findings.filter((f) => f.critical);
  if (gating.some((f) => f.status !== 'captured' && f.status !== 'unclear')) return 'critical';
  return gating.some((f) => f.status === 'unclear') ? 'review' : 'pass';
}

function unannotatedRisk(engine: RiskEngine, kase: Case, mentions: readonly RiskMention[]): SafetyFinding[] {
  const annotated = new Set(kase.facts.filter((f) => isRiskCategory(f.category)).map((f) => riskFamily(f.category)));
  const seen = new Set<string>();
  const out: SafetyFinding[] = [];
  // Scanned once per transcript however many notes are scored against it (scanTranscript caches).
  for (const m of scanTranscript(engine, kase.transcript.turns)) {
    const family = riskFamily(m.category);
    if (m.assertion !== 'present' || m.confidence !== 'high' || annotated.has(family) || seen.has(family)) continue;
    seen.add(family);
    const judged = judgeRiskFact(m.category, 'present', mentions);
    if (judged.status === 'captured') continue;
    out.push({
      factId: null,
      category: m.category,
      expected: 'present',
      status: judged.status,
      critical: false,
      noteQuote: judged.mention?.sentence.trim() ?? null,
      transcriptTurns: [m.turn],
      evidence: evidenceTurns(kase, [m.turn]),
      explanation: `Not annotated in the case, but the scanner found "${m.quote}" in turn ${m.turn}. ${judged.explanation}`,
    });
  }
  return out;
}
