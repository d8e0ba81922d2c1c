import { didYouMean } from '../input/suggest.ts';
import type { YamlPath } from '../input/yamlSource.ts';
import {
  ComplianceOutcome,
  PAST_DATE_FIELDS,
  type ChecklistItem,
  type ComplianceChecklist,
  type VendorAnswer,
  type VendorProfile,
} from '../domain/compliance.ts';
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
    if (item.derivedFrom != null) problems.push(...derivedProblems(item, value, file, lineOf(['items', i, 'derivedFrom']) ?? line));
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

/** A derived item names an answered item, and its rule rates that item's outcomes. */
function derivedProblems(item: ChecklistItem, checklist: ComplianceChecklist, file: string, line: number | null): InputProblem[] {
  const source = checklist.items.find((x) => x.id === item.derivedFrom);
  if (!source || source.derivedFrom != null)
    return [
      {
        file,
        line,
        message: `${item.id}: derivedFrom names ${item.derivedFrom ?? ''}, which is not an answered item of this checklist`,
        fix: `name an item that vendors answer: ${checklist.items
          .filter((x) => x.derivedFrom == null)
          .map((x) => x.id)
          .join(', ')}`,
      },
    ];
  const outcomes = ComplianceOutcome.options as readonly string[];
  const keys = item.rule.kind === 'choice' ? Object.keys(item.rule.outcomes) : null;
  const bad = keys ? keys.filter((k) => !outcomes.includes(k)) : [];
  if (!keys || bad.length > 0)
    return [
      {
        file,
        line,
        message: `${item.id}: a derived item's rule must be a choice over ${source.id}'s outcomes${bad.length > 0 ? `, not ${bad.join(', ')}` : ''}`,
        fix: `use kind: choice with outcomes keyed by ${outcomes.join(', ')}`,
      },
    ];
  return [];
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

/** The words an item accepts, in the checklist's order; null when any number is fine too. */
function acceptedWords(item: ChecklistItem): string[] {
  return item.rule.kind === 'choice' ? Object.keys(item.rule.outcomes) : Object.keys(item.rule.named ?? {});
}

/** An answer whose value the item's rule cannot rate: a word it does not list, or a negative number. */
function answerValueProblem(item: ChecklistItem, answer: VendorAnswer, file: string, line: number | null): InputProblem | null {
  const words = acceptedWords(item);
  const value = answer.value;
  if (item.rule.kind === 'at-most') {
    const n = typeof value === 'number' ? value : /^\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : null;
    if (n != null && n >= 0) return null;
    if (n == null && Object.hasOwn(item.rule.named ?? {}, String(value))) return null;
    const accepted = `a number of ${item.rule.unit} (0 or more)${words.length > 0 ? ` or one of: ${words.join(', ')}` : ''}`;
    return { file, line, message: `${item.id}: the answer "${value}" is not one this item accepts`, fix: `answer ${accepted}` };
  }
  if (Object.hasOwn(item.rule.outcomes, String(value))) return null;
  return {
    file,
    line,
    message: `${item.id}: the answer "${value}" is not one this item accepts${didYouMean(String(value), words)}`,
    fix: `answer one of: ${words.join(', ')}`,
  };
}

/** Dates that record something that has happened (asOf, signed, issued, a period) cannot be after today. */
function futureDateProblems(
  id: string,
  answer: VendorAnswer,
  today: string,
  file: string,
  lineOf: Sourced<VendorProfile>['lineOf'],
): InputProblem[] {
  const problems: InputProblem[] = [];
  for (const field of ['asOf', ...PAST_DATE_FIELDS] as const) {
    const date = answer[field];
    if (date && date > today)
      problems.push({
        file,
        line: lineOf(['answers', id, field]) ?? lineOf(['answers', id]),
        message: `${id}: ${field} ${date} is in the future (today is ${today})`,
        fix: `${field} is the date the evidence was read or the event happened; use a date no later than ${today}`,
      });
  }
  const order = (a: 'periodStart' | 'issued' | 'validFrom', b: 'periodEnd' | 'expires' | 'validUntil'): void => {
    const from = answer[a];
    const to = answer[b];
    if (from && to && to < from)
      problems.push({
        file,
        line: lineOf(['answers', id, b]) ?? lineOf(['answers', id]),
        message: `${id}: ${b} ${to} is before ${a} ${from}`,
        fix: `check the dates on the evidence: ${b} comes after ${a}`,
      });
  };
  order('periodStart', 'periodEnd');
  order('issued', 'expires');
  order('validFrom', 'validUntil');
  return problems;
}

/**
 * Checks across vendor files: unique vendor ids, answers only for items the checklist has,
 * answer words each item accepts, no answer for a derived item, and no date in the future.
 */
export function profileProblems(
  profiles: readonly Sourced<VendorProfile>[],
  checklist: ComplianceChecklist | null,
  today: Date = new Date(),
): InputProblem[] {
  const day = today.toISOString().slice(0, 10);
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
    for (const [id, answer] of Object.entries(value.answers)) problems.push(...futureDateProblems(id, answer, day, file, lineOf));
    if (!known || !checklist) continue;
    for (const [id, answer] of Object.entries(value.answers)) {
      const item = checklist.items.find((i) => i.id === id);
      const line = lineOf(['answers', id, 'value']) ?? lineOf(['answers', id]);
      if (!item) problems.push(unknownItem(file, lineOf(['answers', id]), id, known));
      else if (item.derivedFrom != null)
        problems.push({
          file,
          line: lineOf(['answers', id]),
          message: `answer for ${id}, which is derived from ${item.derivedFrom} and the practice profile, not answered`,
          fix: `remove this answer and record the evidence under ${item.derivedFrom}`,
        });
      else {
        const bad = answerValueProblem(item, answer, file, line);
        if (bad) problems.push(bad);
      }
    }
  }
  return problems;
}
