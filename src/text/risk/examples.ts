import { riskFamily } from '../../domain/categories.ts';
import type { Example, ReadingMode, TargetRule } from '../../domain/riskRules.ts';
import { findAll } from '../rules/match.ts';
import type { RiskEngine, RuleProblem } from './engine.ts';
import { findRiskMentions } from './find.ts';
import { prepare } from './sentence.ts';
import { severityOfText } from './severity.ts';
import type { RiskMention } from './types.ts';

/**
 * Every rule's own examples, run through the whole engine: the way a clinician who adds
 * a phrasing learns whether it works, and what the test suite runs. Each failure names
 * the example's place in its file.
 */
export function checkExamples(engine: RiskEngine): RuleProblem[] {
  return [
    ...targetProblems(engine),
    ...contextProblems(engine),
    ...answerProblems(engine),
    ...framingProblems(engine),
    ...severityProblems(engine),
    ...netProblems(engine),
  ];
}

const show = (ms: readonly RiskMention[]): string =>
  ms.length === 0 ? 'nothing' : ms.map((m) => `${m.category}:${m.assertion}${m.confidence === 'low' ? '(low)' : ''}`).join(', ');

const textOf = (e: Example): string => (typeof e === 'string' ? e : e.text);

function defaultMode(rule: { modes?: readonly ReadingMode[] | undefined }): ReadingMode {
  return rule.modes?.[0] ?? 'speech';
}

function read(engine: RiskEngine, e: Example, mode: ReadingMode): RiskMention[] {
  const asked = typeof e === 'string' ? undefined : e.asked;
  return findRiskMentions(
    engine,
    textOf(e),
    asked === undefined ? { mode, rulesOnly: true } : { mode, previousTurn: asked, rulesOnly: true },
  );
}

/** Whether the rule's own pattern matches the example (a rule whose examples all come from other rules is dead). */
function ruleMatches(engine: RiskEngine, rule: TargetRule, text: string, mode: ReadingMode): boolean {
  const rules = engine.modes[mode];
  const compiled = [...rules.targets.always, ...[...rules.targets.byWord.values()].flat()].find((t) => t.rule === rule);
  if (!compiled) return false;
  return prepare(text, rules).sentences.some((s) => findAll(compiled.matcher, s.ctx).length > 0);
}

function targetProblems(engine: RiskEngine): RuleProblem[] {
  const out: RuleProblem[] = [];
  for (const { file, data } of engine.rules.targets) {
    data.rules.forEach((rule, i) => {
      const sameFamily = rule.infant !== undefined || rule.pronoun === true || rule.cue !== undefined;
      const fits = (m: RiskMention): boolean =>
        sameFamily ? riskFamily(m.category) === riskFamily(rule.category) || m.category === 'risk.hi' : m.category === rule.category;
      rule.match.forEach((e, j) => {
        const mode = (typeof e === 'string' ? undefined : e.mode) ?? defaultMode(rule);
        const where = { file, path: ['rules', i, 'match', j] };
        if (!ruleMatches(engine, rule, textOf(e), mode)) {
          out.push({
            ...where,
            message: `rule ${rule.id}: its pattern does not match its example "${textOf(e)}"`,
            fix: 'widen the pattern or correct the example',
          });
          return;
        }
        const ms = read(engine, e, mode);
        const expected = rule.asserts ?? (typeof e === 'string' ? undefined : e.assertion) ?? 'present';
        const ok =
          rule.category === 'none'
            ? !ms.some((m) => m.assertion === 'present' && m.confidence === 'high')
            : ms.some((m) => fits(m) && m.assertion === expected);
        if (!ok)
          out.push({
            ...where,
            message: `rule ${rule.id}: "${textOf(e)}" should read as ${rule.category === 'none' ? 'no risk' : `${rule.category}:${expected}`}, but reads as ${show(ms)}`,
            fix: 'a longer or exclusion rule may be overriding it; adjust the rules or the example',
          });
      });
      (rule.noMatch ?? []).forEach((e, j) => {
        const mode = (typeof e === 'string' ? undefined : e.mode) ?? defaultMode(rule);
        const ms = read(engine, e, mode).filter((m) => m.assertion === 'present' && m.confidence === 'high');
        const bad = rule.category === 'none' ? [] : ms.filter(fits);
        if (bad.length > 0)
          out.push({
            file,
            path: ['rules', i, 'noMatch', j],
            message: `rule ${rule.id}: "${textOf(e)}" should not read as ${rule.category}, but reads as ${show(bad)}`,
            fix: 'narrow the pattern (notAfter, notBefore, unless) or add an exclusion rule',
          });
      });
    });
  }
  return out;
}

function contextProblems(engine: RiskEngine): RuleProblem[] {
  const out: RuleProblem[] = [];
  engine.rules.context.rules.forEach((rule, i) => {
    rule.examples.forEach((e, j) => {
      const mode = e.mode ?? defaultMode(rule);
      const ms = findRiskMentions(engine, e.text, { mode, rulesOnly: true }).filter((m) => m.confidence === 'high');
      const m = e.category ? ms.find((x) => x.category === e.category) : ms[0];
      const ok = e.assertion === 'none' ? (e.category ? !m : ms.length === 0) : m?.assertion === e.assertion;
      if (!ok)
        out.push({
          file: 'context.yaml',
          path: ['rules', i, 'examples', j],
          message: `context rule ${rule.id}: "${e.text}" should read as ${e.category ?? 'its risk'}:${e.assertion}, but reads as ${show(ms)}`,
          fix: 'adjust the rule (scope, direction) or the example',
        });
    });
  });
  return out;
}

function answerProblems(engine: RiskEngine): RuleProblem[] {
  return engine.rules.answers.examples.flatMap((e, j) => {
    const ms = findRiskMentions(engine, e.text, { mode: 'speech', previousTurn: e.asked, rulesOnly: true });
    const m = ms.find((x) => riskFamily(x.category) === riskFamily(e.category));
    const ok =
      e.assertion === 'none'
        ? m === undefined
        : m !== undefined &&
          m.category === e.category &&
          m.assertion === e.assertion &&
          (e.confidence === undefined || m.confidence === e.confidence);
    return ok
      ? []
      : [
          {
            file: 'answers.yaml',
            path: ['examples', j],
            message: `answer "${e.text}" to "${e.asked}" should read as ${e.category}:${e.assertion}, but reads as ${show(ms)}`,
            fix: 'adjust the answer lists or the example',
          },
        ];
  });
}

function framingProblems(engine: RiskEngine): RuleProblem[] {
  return engine.rules.framing.examples.flatMap((e, j) => {
    const ms = findRiskMentions(engine, e.text, { mode: e.mode ?? 'speech', rulesOnly: true }).filter(
      (m) => m.category.startsWith('risk.harm_to_infant') || m.category === 'risk.hi',
    );
    const ok = e.category === 'none' ? ms.length === 0 : ms.some((m) => m.category === e.category);
    return ok
      ? []
      : [
          {
            file: 'framing.yaml',
            path: ['examples', j],
            message: `"${e.text}" should read as ${e.category}, but reads as ${show(ms)}`,
            fix: 'adjust the framing lists or the example',
          },
        ];
  });
}

function severityProblems(engine: RiskEngine): RuleProblem[] {
  return engine.rules.severity.features.flatMap((f, i) => {
    const family = f.categories?.[0] ?? f.families[0]!;
    const out: RuleProblem[] = [];
    f.match.forEach((text, j) => {
      if (!severityOfText(engine, text, family, 'any').includes(f.id))
        out.push({
          file: 'severity.yaml',
          path: ['features', i, 'match', j],
          message: `severity ${f.id}: "${text}" should carry it`,
          fix: 'widen the patterns or correct the example',
        });
    });
    (f.noMatch ?? []).forEach((text, j) => {
      if (severityOfText(engine, text, family, 'any').includes(f.id))
        out.push({
          file: 'severity.yaml',
          path: ['features', i, 'noMatch', j],
          message: `severity ${f.id}: "${text}" should not carry it`,
          fix: 'narrow the patterns or correct the example',
        });
    });
    return out;
  });
}

function netProblems(engine: RiskEngine): RuleProblem[] {
  const out: RuleProblem[] = [];
  for (const [family, f] of Object.entries(engine.rules.net.families)) {
    if (!f) continue;
    const flagged = (text: string): boolean =>
      findRiskMentions(engine, text, { mode: 'speech', rulesOnly: true }).some((m) => riskFamily(m.category) === riskFamily(family));
    f.match.forEach((text, j) => {
      if (!flagged(text))
        out.push({
          file: 'net.yaml',
          path: ['families', family, 'match', j],
          message: `net ${family}: "${text}" should be flagged`,
          fix: 'add a term to the net or correct the example',
        });
    });
    (f.noMatch ?? []).forEach((text, j) => {
      if (flagged(text))
        out.push({
          file: 'net.yaml',
          path: ['families', family, 'noMatch', j],
          message: `net ${family}: "${text}" should not be flagged`,
          fix: 'narrow the net or correct the example',
        });
    });
  }
  return out;
}
