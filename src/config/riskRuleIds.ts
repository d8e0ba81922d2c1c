import type { RiskRules } from '../domain/riskRules.ts';
import type { RuleProblem } from '../text/risk/index.ts';

/**
 * Every rule id is unique across the rule files: a finding names the rule behind it
 * ("si.method.imagery"), and two rules under one name would make that name mean either.
 */
export function duplicateRuleIds(rules: RiskRules): RuleProblem[] {
  const places: { id: string; file: string; path: (string | number)[] }[] = [
    ...rules.context.rules.map((r, i) => ({ id: r.id, file: 'context.yaml', path: ['rules', i, 'id'] })),
    ...rules.targets.flatMap((t) => t.data.rules.map((r, i) => ({ id: r.id, file: t.file, path: ['rules', i, 'id'] }))),
    ...rules.severity.features.map((f, i) => ({ id: f.id, file: 'severity.yaml', path: ['features', i, 'id'] })),
  ];
  const first = new Map<string, string>();
  const out: RuleProblem[] = [];
  for (const p of places) {
    const earlier = first.get(p.id);
    if (earlier === undefined) first.set(p.id, p.file);
    else
      out.push({
        file: p.file,
        path: p.path,
        message: `rule id ${p.id} is already used in ${earlier}`,
        fix: 'give this rule a new id, or merge it into the other rule',
      });
  }
  return out;
}
