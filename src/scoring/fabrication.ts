import { isRiskCategory } from '../domain/categories.ts';
import type { Case, MustNot } from '../domain/case.ts';
import type { FabricationFinding, FabricationResult } from '../domain/scorecard.ts';
import { MEDICATION_NAMES, MEDICATIONS } from '../text/medications.ts';
import { fold } from '../text/normalize.ts';
import { spokenNumbersToDigits } from '../text/numbers.ts';
import type { RiskMention } from '../text/riskTypes.ts';
import { evidenceTurns, sentenceAround } from './evidence.ts';
import { matchHint } from './factMatch.ts';
import type { ScoringInput } from './input.ts';
import { riskFamily } from './riskMatch.ts';
import { findScreenerClaims } from './screeners.ts';

/** What the session actually said, with spoken numbers as digits, one string per turn. */
function spokenTurns(kase: Case): string[] {
  return kase.transcript.turns.map((t) => fold(spokenNumbersToDigits(t.text)));
}

function turnsMentioning(spoken: readonly string[], pattern: RegExp): number[] {
  return spoken.flatMap((t, i) => (pattern.test(t) ? [i + 1] : []));
}

const word = (w: string): RegExp => new RegExp(`(?<![a-z])${w}(?![a-z])`, 'i');

function medicationFindings(note: string, kase: Case, spoken: readonly string[]): FabricationFinding[] {
  const out: FabricationFinding[] = [];
  const reported = new Set<string>();
  for (const [name, generic] of MEDICATION_NAMES) {
    const m = word(name).exec(fold(note));
    if (!m || reported.has(generic)) continue;
    const names = [generic, ...(MEDICATIONS[generic] ?? [])];
    const turns = turnsMentioning(spoken, new RegExp(names.map((n) => `(?<![a-z])${n}(?![a-z])`).join('|'), 'i'));
    reported.add(generic);
    if (turns.length > 0) continue;
    out.push({
      kind: 'medication',
      severity: 'major',
      noteQuote: sentenceAround(note, m.index),
      claim: name,
      explanation: `The note names ${name}; the session never mentions ${names.join(' or ')}.`,
      transcriptTurns: [],
      evidence: [],
    });
  }
  const DOSE = /(\d+(?:\.\d+)?)\s*(mg|mcg|milligrams?|micrograms?)\b/gi;
  for (const m of note.matchAll(DOSE)) {
    const amount = m[1] ?? '';
    const micro = /^mc|^micro/i.test(m[2] ?? '');
    const unit = micro ? '(?:mcg|micrograms?)' : '(?:mg|milligrams?|milligrammes?)';
    const turns = turnsMentioning(spoken, new RegExp(`(?<![\\d.])${amount.replace('.', '\\.')}\\s*${unit}`, 'i'));
    if (turns.length > 0) continue;
    out.push({
      kind: 'dose',
      severity: 'major',
      noteQuote: sentenceAround(note, m.index),
      claim: m[0],
      explanation: `The note records a dose of ${m[0]}; no such dose is said in the session.`,
      transcriptTurns: [],
      evidence: [],
    });
  }
  return out;
}

function screenerFindings(note: string, kase: Case, spoken: readonly string[]): FabricationFinding[] {
  const out: FabricationFinding[] = [];
  for (const claim of findScreenerClaims(note)) {
    const measure = kase.measures?.find((m) => m.name.replace(/\s/g, '').toUpperCase() === claim.screener.replace(/\s/g, ''));
    const base = { kind: 'screener' as const, severity: 'major' as const, noteQuote: sentenceAround(note, claim.index), claim: claim.quote };
    if (!measure) {
      const stem = claim.screener === 'EPDS' ? '(?:epds|edinburgh)' : claim.screener.toLowerCase().replace('-', '[- ]?');
      const turns = turnsMentioning(spoken, new RegExp(`(?<![a-z])${stem}`, 'i'));
      if (turns.length === 0)
        out.push({ ...base, explanation: `The note reports a ${claim.screener} that was never given or discussed in the session.`, transcriptTurns: [], evidence: [] });
      continue;
    }
    const ev = { transcriptTurns: [measure.turn], evidence: evidenceTurns(kase, [measure.turn]) };
    if (claim.total !== null && claim.total !== measure.total)
      out.push({ ...base, ...ev, explanation: `The note gives ${claim.screener} ${claim.total}; the session's score was ${measure.total}.` });
    for (const { item, value } of claim.items) {
      const said = item === 9 ? measure.item9 : item === 10 ? measure.item10 : undefined;
      if (said !== undefined && said !== value)
        out.push({ ...base, ...ev, explanation: `The note gives ${claim.screener} item ${item} as ${value}; the session's answer was ${said}.` });
    }
  }
  return out;
}

function mustNotFindings(note: string, kase: Case, mentions: readonly RiskMention[]): FabricationFinding[] {
  const out: FabricationFinding[] = [];
  const violates = (rule: MustNot): { quote: string } | null => {
    if (isRiskCategory(rule.category)) {
      const broad = rule.category === riskFamily(rule.category);
      const hit = mentions.find(
        (m) => m.assertion === 'present' && (broad ? riskFamily(m.category) === rule.category : m.category === rule.category),
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

/** Claims in the note the session does not support: medications, doses, screener scores, mustNot items. */
export function scoreFabrication({ note, kase, mentions }: ScoringInput): FabricationResult {
  const spoken = spokenTurns(kase);
  return {
    findings: [
      ...medicationFindings(note, kase, spoken),
      ...screenerFindings(note, kase, spoken),
      ...mustNotFindings(note, kase, mentions),
    ],
  };
}
