// Clinician styles for writing a case's risk facts, so bench:scorers can check that a note
// which says the right thing in another clinician's words still passes. Written from how
// notes are written in practice (reference/note-formats.md, C-SSRS screen wording), not from
// the rules in rubrics/risk.
import type { Case } from '../domain/case.ts';
import { riskFamily, type RiskCategory } from '../domain/categories.ts';
import { RISK_NAMES } from '../domain/riskNames.ts';
import { scanTranscript, type RiskEngine } from '../text/risk/index.ts';
import type { RiskFact } from './riskSentences.ts';

/** How a clinician names each risk in prose: the scorer's names, two of them spelled out as a note would. */
const NAME: Record<RiskCategory, string> = {
  ...RISK_NAMES,
  'risk.si.passive': 'passive suicidal ideation (a wish to be dead)',
  'risk.harm_to_infant.intrusive': 'intrusive, unwanted thoughts of harm coming to the baby, which she finds distressing',
};

/** Shorthand as it is typed between sessions. */
const SHORT: Record<RiskCategory, string> = {
  'risk.si': 'SI',
  'risk.si.passive': 'passive SI',
  'risk.si.active': 'active SI',
  'risk.si.method': 'method',
  'risk.si.intent': 'intent',
  'risk.si.plan': 'plan',
  'risk.si.behavior': 'SA',
  'risk.self_harm': 'NSSI',
  'risk.harm_to_infant.intrusive': 'intrusive (ego-dystonic) thoughts of harm to infant',
  'risk.harm_to_infant.intent': 'thoughts of harming infant w/ intent',
  'risk.hi': 'HI',
  'risk.psychosis': 'psychotic sx',
  'risk.ipv': 'IPV',
  'risk.child_safety': 'child safety concerns',
  'risk.substance': 'substance misuse',
};

/** C-SSRS screen items (Posner et al. 2011), by the level each asks about. */
const CSSRS: Partial<Record<RiskCategory, string>> = {
  'risk.si': 'Suicidal ideation',
  'risk.si.passive': '1. Wish to be dead',
  'risk.si.active': '2. Non-specific active suicidal thoughts',
  'risk.si.method': '3. Active suicidal ideation with any methods (not plan) without intent to act',
  'risk.si.intent': '4. Active suicidal ideation with some intent to act, without specific plan',
  'risk.si.plan': '5. Active suicidal ideation with specific plan and intent',
  'risk.si.behavior': '6. Suicidal behaviour',
};

const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
/** A block of lines set on lines of its own, whatever prose stood around the sentence it replaces. */
const lines = (xs: readonly string[]): string => `\n${xs.join('\n')}\n`;

/** One fact as a narrative sentence. */
function narrative(f: RiskFact): string {
  if (f.assertion === 'denied') return `She denied ${NAME[f.category]}.`;
  if (f.assertion === 'historical') return `She has a past history of ${NAME[f.category]}, not current.`;
  return `Client reported ${NAME[f.category]} this week.`;
}

const flag = (f: RiskFact): string => (f.assertion === 'denied' ? '-' : f.assertion === 'historical' ? 'hx ' : '+');
const value = (f: RiskFact): string =>
  f.assertion === 'denied' ? 'denied' : f.assertion === 'historical' ? 'past history only, not current' : 'present';

export interface StyleInput {
  facts: readonly RiskFact[];
  /** The client's own sentence for a fact, when the transcript has one the scanner reads as its risk. */
  quoteOf: (f: RiskFact) => string | null;
}

export const STYLES: Record<string, (input: StyleInput) => string> = {
  narrative: ({ facts }) => facts.map(narrative).join(' '),
  terse: ({ facts }) => `Risk: ${facts.map((f) => `${flag(f)}${SHORT[f.category]}`).join(', ')}.`,
  'key-value': ({ facts }) => lines(facts.map((f) => `${capital(NAME[f.category])}: ${value(f)}`)),
  'cssrs-checklist': ({ facts }) => {
    const items = facts.filter((f) => CSSRS[f.category] && f.assertion !== 'historical');
    const rest = facts.filter((f) => !items.includes(f));
    const answers = items.map((f) => `${CSSRS[f.category]}: ${f.assertion === 'denied' ? 'No' : 'Yes'}`);
    return lines([...(items.length > 0 ? ['C-SSRS screen (past month):', ...answers] : []), ...rest.map(narrative)]);
  },
  bullets: ({ facts }) => lines(facts.map((f) => `- ${capital(NAME[f.category])}: ${value(f)}`)),
  quote: ({ facts, quoteOf }) => {
    const used = new Set<string>();
    return facts
      .map((f) => {
        const q = f.assertion === 'present' ? quoteOf(f) : null;
        if (!q || used.has(q)) return narrative(f);
        used.add(q);
        return `In her words: "${q}"`;
      })
      .join(' ');
  },
  progression: ({ facts }) =>
    facts
      .map((f) =>
        f.assertion === 'denied'
          ? `Continues to deny ${NAME[f.category]}, as at the last session.`
          : f.assertion === 'historical'
            ? `Past history of ${NAME[f.category]}, unchanged; none since.`
            : `Since the last session ${NAME[f.category]} has emerged and is present now.`,
      )
      .join(' '),
  formulation: ({ facts }) => {
    const now = facts.filter((f) => f.assertion === 'present').map((f) => NAME[f.category]);
    const denied = facts.filter((f) => f.assertion === 'denied').map((f) => NAME[f.category]);
    const past = facts.filter((f) => f.assertion === 'historical').map((f) => NAME[f.category]);
    return [
      now.length > 0
        ? `Risk formulation: her current ${now.join(' and her current ')} is understood in the context of sleep deprivation, isolation and low mood since the birth.`
        : 'Risk formulation: no current risk was voiced.',
      denied.length > 0 ? `She denied ${denied.join(', and denied ')}.` : '',
      past.length > 0 ? `A past history of ${past.join(' and ')} raises her baseline risk.` : '',
      'Her children and her sister are protective.',
    ]
      .filter(Boolean)
      .join(' ');
  },
};

/** The client's sentence voicing the fact's risk, from the fact's own transcript turns. */
export function clientQuotes(engine: RiskEngine, kase: Case): (f: RiskFact) => string | null {
  // Not a bare answer ("Yes, most days."): it takes its meaning from the question, which a quote leaves out.
  const scanned = scanTranscript(engine, kase.transcript.turns).filter(
    (m) => m.assertion === 'present' && m.confidence === 'high' && !m.rule.startsWith('answer:'),
  );
  return (f) => {
    const own = scanned.filter((m) => f.evidence.includes(m.turn));
    // Only words that voice this very level: a quote of active SI does not document a method.
    return (
      own.find((m) => m.category === f.category || (f.category === riskFamily(f.category) && riskFamily(m.category) === f.category))
        ?.quote ?? null
    );
  };
}
