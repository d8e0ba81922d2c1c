import { isRiskCategory } from '../../domain/categories.ts';
import type { Case, MustNot } from '../../domain/case.ts';
import type { FabricationFinding } from '../../domain/scorecard.ts';
import type { RiskMention } from '../../text/risk/index.ts';
import { matchHint } from '../factMatch.ts';
import { partOfAttempt, riskFamily } from '../riskMatch.ts';

/** The case's negative criteria: things a correct note must not assert. */
export function mustNotFindings(note: string, kase: Case, mentions: readonly RiskMention[]): FabricationFinding[] {
  const out: FabricationFinding[] = [];
  const violates = (rule: MustNot): { quote: string } | null => {
    if (isRiskCategory(rule.category)) {
      const broad = rule.category === riskFamily(rule.category);
      const hit = mentions.find(
        (m) =>
          m.assertion === 'present' &&
          m.confidence === 'high' &&
          !partOfAttempt(m, mentions) &&
          (broad ? riskFamily(m.category) === rule.category : m.category === rule.category),
      );
      return hit ? { quote: hit.sentence.trim() } : null;
    }
    if (!rule.match) return null;
    const m = matchHint(note, rule.match);
    return m.matched && m.quote ? { quote: m.quote } : null;
  };
  for (const rule of kase.mustNot ?? []) {
    const hit = violates(rule);
    if (!hit) continue;
    out.push({
      kind: 'must-not',
      severity: isRiskCategory(rule.category) ? 'major' : 'minor',
      noteQuote: hit.quote,
      claim: rule.statement,
      explanation: `Breaks the case's rule "${rule.id}": ${rule.statement}`,
      transcriptTurns: [],
      evidence: [],
      ruleId: rule.id,
    });
  }
  return out;
}
