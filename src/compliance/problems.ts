import { didYouMean } from '../input/suggest.ts';
import type { YamlPath } from '../input/yamlSource.ts';
import type { ComplianceChecklist, VendorProfile } from '../domain/compliance.ts';
import type { InputProblem } from '../domain/errors.ts';

/** A validated file plus a way to find a line in it, so cross-field problems can point at one. */
export interface Sourced<T> {
  file: string;
  value: T;
  lineOf: (path: YamlPath) => number | null;
}

/** Checks the zod schema cannot express: unique item ids, and at-most limits in order. */
export function checklistProblems({ file, value, lineOf }: Sourced<ComplianceChecklist>): InputProblem[] {
  const problems: InputProblem[] = [];
  const seen = new Set<string>();
  value.items.forEach((item, i) => {
    const line = lineOf(['items', i, 'id']);
    if (seen.has(item.id)) {
      problems.push({ file, line, message: `item id ${item.id} appears more than once`, fix: 'give each checklist item its own id' });
    }
    seen.add(item.id);
    const rule = item.rule;
    if (rule.kind === 'at-most' && rule.warn < rule.pass) {
      problems.push({
        file,
        line: lineOf(['items', i, 'rule', 'warn']) ?? line,
        message: `${item.id}: the warn limit (${rule.warn} ${rule.unit}) is below the pass limit (${rule.pass} ${rule.unit})`,
        fix: 'set warn to at least the pass limit: values up to pass pass, up to warn warn, anything above fails',
      });
    }
    if (rule.kind === 'choice' && Object.keys(rule.outcomes).length === 0) {
      problems.push({
        file,
        line,
        message: `${item.id}: the choice rule lists no answers`,
        fix: 'add at least one answer under outcomes, e.g. `none: fail`',
      });
    }
  });
  return problems;
}

function unknownItem(file: string, line: number | null, id: string, known: readonly string[]): InputProblem {
  // Offer the ids of the same section first ("BAA-09" → BAA-01..04), else all of them.
  const prefix = `${id.split('-')[0]?.toUpperCase() ?? ''}-`;
  const near = known.filter((k) => k.startsWith(prefix));
  return {
    file,
    line,
    message: `answer for ${id}, which is not an item in the compliance checklist`,
    fix: `use one of the checklist's ids${didYouMean(id, known)}: ${(near.length > 0 ? near : known).join(', ')}; or remove this answer`,
  };
}

/** Checks across vendor files: unique vendor ids, and answers only for items the checklist has. */
export function profileProblems(profiles: readonly Sourced<VendorProfile>[], checklist: ComplianceChecklist | null): InputProblem[] {
  const problems: InputProblem[] = [];
  const firstFile = new Map<string, string>();
  const known = checklist?.items.map((i) => i.id) ?? null;
  for (const { file, value, lineOf } of profiles) {
    const earlier = firstFile.get(value.id);
    if (earlier != null) {
      const fix = 'give each vendor profile its own id (one file per vendor, named <id>.yaml)';
      problems.push({ file, line: lineOf(['id']), message: `vendor id ${value.id} is also used by ${earlier}`, fix });
    } else {
      firstFile.set(value.id, file);
    }
    if (!known) continue;
    for (const id of Object.keys(value.answers)) {
      if (!known.includes(id)) problems.push(unknownItem(file, lineOf(['answers', id]), id, known));
    }
  }
  return problems;
}
