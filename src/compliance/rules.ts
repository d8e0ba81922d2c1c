import type { ChecklistRule, ComplianceOutcome } from '../domain/compliance.ts';

export interface RuleVerdict {
  outcome: ComplianceOutcome;
  reason: string;
}

const list = (words: string[]): string => words.join(', ');

// Own keys only, so an answer such as "constructor" is not found on Object.prototype.
function lookup(table: Record<string, ComplianceOutcome>, key: string): ComplianceOutcome | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

function unrecognised(value: string | number, expected: string): RuleVerdict {
  return {
    outcome: 'unknown',
    reason: `The answer "${value}" is not ${expected}, so it cannot be rated; correct the vendor profile.`,
  };
}

function rated(value: string | number, outcome: ComplianceOutcome): RuleVerdict {
  return { outcome, reason: `Answered "${value}", which this checklist rates ${outcome}.` };
}

type AtMost = Extract<ChecklistRule, { kind: 'at-most' }>;

function compare(n: number, rule: AtMost): RuleVerdict {
  const u = rule.unit;
  if (n <= rule.pass) return { outcome: 'pass', reason: `${n} ${u} is within the ${rule.pass} ${u} allowed for a pass.` };
  if (n <= rule.warn) {
    return {
      outcome: 'warn',
      reason: `${n} ${u} is more than the ${rule.pass} ${u} allowed for a pass, but within the ${rule.warn} ${u} allowed for a warn.`,
    };
  }
  return { outcome: 'fail', reason: `${n} ${u} is more than the ${rule.warn} ${u} allowed even for a warn.` };
}

function applyAtMost(rule: AtMost, value: string | number): RuleVerdict {
  // A quoted number in YAML ("72") means the same as 72.
  const n = typeof value === 'number' ? value : /^\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : null;
  if (n != null) {
    return n < 0 ? unrecognised(value, `a number of ${rule.unit} (it is negative)`) : compare(n, rule);
  }
  const named = rule.named ?? {};
  const outcome = lookup(named, String(value));
  if (outcome) return rated(value, outcome);
  const words = Object.keys(named);
  return unrecognised(value, words.length > 0 ? `a number of ${rule.unit} or one of: ${list(words)}` : `a number of ${rule.unit}`);
}

/** Rates one answer value against one rule, before any evidence or staleness cap. */
export function applyRule(rule: ChecklistRule, value: string | number): RuleVerdict {
  switch (rule.kind) {
    case 'choice': {
      const outcome = lookup(rule.outcomes, String(value));
      return outcome ? rated(value, outcome) : unrecognised(value, `one this item accepts (accepted: ${list(Object.keys(rule.outcomes))})`);
    }
    case 'at-most':
      return applyAtMost(rule, value);
  }
}
