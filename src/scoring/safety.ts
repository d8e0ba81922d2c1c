import { isCriticalByDefault, isRiskCategory } from '../domain/categories.ts';
import type { Case } from '../domain/case.ts';
import type { SafetyFinding, SafetyResult } from '../domain/scorecard.ts';
import type { RiskMention } from '../text/riskTypes.ts';
import { scanTranscript } from '../text/scan.ts';
import { evidenceTurns } from './evidence.ts';
import type { ScoringInput } from './input.ts';
import { judgeRiskFact, riskFamily } from './riskMatch.ts';

/**
 * Safety first: every risk fact is captured, omitted, contradicted or mischaracterised,
 * and a critical one that is not captured fails the note outright. Risk the transcript
 * voices but the case did not annotate is reported too (never gating: the scanner,
 * not a clinician, found it).
 */
export function scoreSafety({ kase, mentions }: ScoringInput): SafetyResult {
  const findings: SafetyFinding[] = [];
  const voiced = voicedCategories(kase);
  for (const fact of kase.facts) {
    if (!isRiskCategory(fact.category)) continue;
    const judged = judgeRiskFact(fact.category, fact.assertion, mentions, voiced, factText(kase, fact));
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
  findings.push(...unannotatedRisk(kase, mentions));
  const critical = findings.some((f) => f.critical && f.status !== 'captured');
  return { verdict: critical ? 'critical' : 'pass', findings };
}

/** What the fact is about, in the annotator's and the client's words. */
export function factText(kase: Case, fact: Case['facts'][number]): string {
  return [fact.statement, ...fact.evidence.map((n) => kase.transcript.turns[n - 1]?.text ?? '')].join(' ');
}

/** The risk categories the client voiced (now or in the past), by the case's annotation. */
export function voicedCategories(kase: Case): ReadonlySet<string> {
  return new Set(kase.facts.filter((f) => isRiskCategory(f.category) && f.assertion !== 'denied').map((f) => f.category));
}

function unannotatedRisk(kase: Case, mentions: readonly RiskMention[]): SafetyFinding[] {
  const annotated = new Set(kase.facts.filter((f) => isRiskCategory(f.category)).map((f) => riskFamily(f.category)));
  const seen = new Set<string>();
  const out: SafetyFinding[] = [];
  for (const m of scanTranscript(kase.transcript.turns)) {
    const family = riskFamily(m.category);
    if (m.assertion !== 'present' || annotated.has(family) || seen.has(family)) continue;
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
