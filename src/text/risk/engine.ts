import type { ContextRule, ReadingMode, RiskRules, TargetRule } from '../../domain/riskRules.ts';
import { tokenize } from '../nlp/tokenize.ts';
import { anchorsOf, anchorCost as cost, compilePattern, compilePatterns, type Matcher } from '../rules/compile.ts';
import { conceptsIn, parsePattern, PatternError } from '../rules/pattern.ts';

/** Where in the rule files a problem is: the file and the YAML path of the node. */
export interface RuleProblem {
  file: string;
  path: (string | number)[];
  message: string;
  fix: string;
}

/** Where a match may stand, compiled: what may not come before or after it, what must be in the sentence. */
interface Placement {
  notAfter?: Matcher;
  notBefore?: Matcher;
  after?: Matcher;
  before?: Matcher;
  within?: Matcher;
}

export interface CompiledTarget extends Placement {
  rule: TargetRule;
  /** Earlier rules win ties between equally long matches. */
  order: number;
  matcher: Matcher;
  unless?: Matcher;
  nearby?: Matcher;
}

export interface CompiledContext extends Placement {
  rule: ContextRule;
  matcher: Matcher;
}

export interface Abbrev {
  /** The written form, token by token (lower case unless case-sensitive). */
  written: string[];
  caseSensitive: boolean;
  /** The words it stands for, each with the keys a rule word may match. */
  means: { lower: string; keys: readonly string[] }[];
}

/** Rules are tried only on sentences holding one of their anchor words. */
export interface Indexed<T> {
  byWord: Map<string, T[]>;
  always: T[];
}

/** Everything one reading mode needs, compiled once. */
export interface ModeRules {
  mode: ReadingMode;
  concepts: Map<string, Matcher>;
  /** Concepts by name: one function per mode, so matching can cache by it. */
  lookup: (name: string) => Matcher | undefined;
  targets: Indexed<CompiledTarget>;
  context: Indexed<CompiledContext>;
  abbreviations: Map<string, Abbrev[]>;
}

export interface RiskEngine {
  rules: RiskRules;
  modes: Record<ReadingMode, ModeRules>;
  /** Patterns compiled outside any one mode, by their place in the files ("answers.yes"). */
  lists: Map<string, Matcher>;
  severity: { id: string; label: string; families: string[]; categories?: string[]; means?: boolean; matcher: Matcher }[];
  net: { family: string; matcher: Matcher }[];
}

const MODES: readonly ReadingMode[] = ['speech', 'relay', 'note'];

class Problems {
  list: RuleProblem[] = [];
  /** A pattern, or a list of phrases any of which will do. */
  compileAny(src: string | readonly string[], file: string, path: (string | number)[], known: ReadonlySet<string>): Matcher | undefined {
    if (typeof src === 'string') return this.compile(src, file, path, known);
    const ok = src.every((s, i) => this.compile(s, file, [...path, i], known) !== undefined);
    return ok ? compilePatterns(src) : undefined;
  }
  compile(src: string, file: string, path: (string | number)[], known: ReadonlySet<string>): Matcher | undefined {
    try {
      const missing = conceptsIn(parsePattern(src)).filter((c) => !known.has(c));
      if (missing.length > 0) {
        this.list.push({
          file,
          path,
          message: `unknown concept <${missing[0]}>`,
          fix: `define "${missing[0]}" in concepts.yaml, or fix the name`,
        });
        return undefined;
      }
      return compilePattern(src);
    } catch (err) {
      if (!(err instanceof PatternError)) throw err;
      this.list.push({
        file,
        path,
        message: `pattern "${src}": ${err.message} (at column ${err.column + 1})`,
        fix: 'see the pattern language in rubrics/risk/README.md',
      });
      return undefined;
    }
  }
}

function index<T extends { matcher: Matcher; within?: Matcher }>(items: T[], concept: (n: string) => Matcher | undefined): Indexed<T> {
  const byWord = new Map<string, T[]>();
  const always: T[] = [];
  for (const item of items) {
    // A rule that needs its `within` words can be looked up by them when its own words are too loose.
    const own = anchorsOf(item.matcher, concept);
    const within = item.within ? anchorsOf(item.within, concept) : null;
    const anchors = own && within ? (cost(own) <= cost(within) ? own : within) : (own ?? within);
    if (!anchors) {
      always.push(item);
      continue;
    }
    for (const w of anchors) {
      const list = byWord.get(w) ?? [];
      list.push(item);
      byWord.set(w, list);
    }
  }
  return { byWord, always };
}

const applies = (modes: readonly ReadingMode[] | undefined, mode: ReadingMode): boolean => !modes || modes.includes(mode);

function compileMode(rules: RiskRules, mode: ReadingMode, p: Problems): ModeRules {
  const known = new Set(Object.keys(rules.concepts.concepts));
  const concepts = new Map<string, Matcher>();
  for (const [name, c] of Object.entries(rules.concepts.concepts)) {
    const terms = [
      ...c.terms.map((t, i) => ({ t, path: ['concepts', name, 'terms', i] })),
      ...(c[mode] ?? []).map((t, i) => ({ t, path: ['concepts', name, mode, i] })),
    ].filter(({ t, path }) => p.compile(t, 'concepts.yaml', path, known) !== undefined);
    if (terms.length > 0) concepts.set(name, compilePatterns(terms.map((x) => x.t)));
  }
  const lookup = (n: string): Matcher | undefined => concepts.get(n);
  const opt = (src: string | readonly string[] | undefined, file: string, path: (string | number)[]): Matcher | undefined =>
    src === undefined ? undefined : p.compileAny(src, file, path, known);

  const targets: CompiledTarget[] = [];
  let order = 0;
  for (const { file, data } of rules.targets) {
    data.rules.forEach((rule, i) => {
      order++;
      if (!applies(rule.modes, mode)) return;
      const at = (k: string): (string | number)[] => ['rules', i, k];
      const matcher = p.compile(rule.pattern, file, at('pattern'), known);
      if (!matcher) return;
      const t: CompiledTarget = { rule, order, matcher };
      for (const k of ['notAfter', 'notBefore', 'after', 'before', 'within', 'unless', 'nearby'] as const) {
        const m = opt(rule[k], file, at(k));
        if (m) t[k] = m;
      }
      targets.push(t);
    });
  }

  const context: CompiledContext[] = [];
  rules.context.rules.forEach((rule, i) => {
    if (!applies(rule.modes, mode)) return;
    const matcher = p.compile(rule.pattern, 'context.yaml', ['rules', i, 'pattern'], known);
    if (!matcher) return;
    const c: CompiledContext = { rule, matcher };
    for (const k of ['notAfter', 'notBefore', 'after', 'before', 'within'] as const) {
      const m = opt(rule[k], 'context.yaml', ['rules', i, k]);
      if (m) c[k] = m;
    }
    context.push(c);
  });

  const abbreviations = new Map<string, Abbrev[]>();
  for (const a of rules.notation.abbreviations) {
    if (!applies(a.modes, mode)) continue;
    const written = tokenize(a.written).map((t) => (a.caseSensitive ? t.text : t.lower));
    const means = tokenize(a.means).map((t) => ({ lower: t.lower, keys: t.keys }));
    if (written.length === 0 || means.length === 0) continue;
    const key = written[0]!.toLowerCase();
    abbreviations.set(key, [...(abbreviations.get(key) ?? []), { written, caseSensitive: a.caseSensitive ?? false, means }]);
  }
  // Longest written form first, so "w/o" is read before "w/".
  for (const list of abbreviations.values()) list.sort((a, b) => b.written.length - a.written.length);

  return { mode, concepts, lookup, targets: index(targets, lookup), context: index(context, lookup), abbreviations };
}

/** The answers and framing lists, compiled with the speech concepts (they read speech). */
function compileLists(rules: RiskRules, p: Problems): Map<string, Matcher> {
  const known = new Set(Object.keys(rules.concepts.concepts));
  const lists = new Map<string, Matcher>();
  const add = (file: string, key: string, patterns: readonly string[]): void => {
    const ok = patterns.every((src, i) => p.compile(src, file, [key, i], known) !== undefined);
    if (ok) lists.set(`${file.replace('.yaml', '')}.${key}`, compilePatterns(patterns));
  };
  const { answers, framing, context } = rules;
  for (const key of [
    'filler',
    'yes',
    'no',
    'past',
    'evasive',
    'hedges',
    'qualifiers',
    'pointsBack',
    'imageTalk',
    'readBack',
    'questionStarts',
  ] as const)
    add('answers.yaml', key, answers[key]);
  add('answers.yaml', 'screenerTalk', answers.screenerTalk);
  add('answers.yaml', 'asksSuicideDetail', answers.asksSuicideDetail);
  for (const part of ['plan', 'method'] as const) {
    add('answers.yaml', `specifics.${part}.asks`, answers.specifics[part].asks);
    add('answers.yaml', `specifics.${part}.answers`, answers.specifics[part].answers);
  }
  for (const key of [
    'intrusive',
    'intrusiveNamed',
    'intended',
    'intendedAlways',
    'imageDistress',
    'intentStated',
    'infantWords',
    'adultWords',
  ] as const)
    add('framing.yaml', key, framing[key]);
  for (const key of ['other', 'historical', 'current'] as const) add('context.yaml', `headings.${key}`, context.headings[key]);
  add('context.yaml', 'closesAsPast', context.closesAsPast);
  return lists;
}

/**
 * Compiles the rule files once: patterns parsed, concepts resolved per reading mode,
 * rules indexed by anchor word. Problems (a bad pattern, an unknown concept) come back
 * with where they are, for the loader to turn into file:line messages.
 */
export function compileRiskRules(rules: RiskRules): { engine: RiskEngine; problems: RuleProblem[] } {
  const p = new Problems();
  const modes = {} as Record<ReadingMode, ModeRules>;
  for (const mode of MODES) modes[mode] = compileMode(rules, mode, p);
  const lists = compileLists(rules, p);
  const known = new Set(Object.keys(rules.concepts.concepts));
  const severity = rules.severity.features.flatMap((f, i) => {
    const ok = f.patterns.every((src, j) => p.compile(src, 'severity.yaml', ['features', i, 'patterns', j], known) !== undefined);
    return ok
      ? [
          {
            id: f.id,
            label: f.label,
            families: f.families,
            ...(f.categories ? { categories: f.categories } : {}),
            ...(f.means ? { means: true } : {}),
            matcher: compilePatterns(f.patterns),
          },
        ]
      : [];
  });
  const net = Object.entries(rules.net.families).flatMap(([family, f]) => {
    const ok = f.terms.every((src, j) => p.compile(src, 'net.yaml', ['families', family, 'terms', j], known) !== undefined);
    return ok ? [{ family, matcher: compilePatterns(f.terms) }] : [];
  });
  // Problems repeat once per mode; keep the first of each.
  const seen = new Set<string>();
  const problems = p.list.filter((x) => {
    const key = `${x.file}|${x.path.join('.')}|${x.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { engine: { rules, modes, lists, severity, net }, problems };
}

const ENGINES = new WeakMap<RiskRules, RiskEngine>();

/** Keeps an engine compiled while loading (and checked), so riskEngine() does not compile it again. */
export function rememberEngine(rules: RiskRules, engine: RiskEngine): void {
  ENGINES.set(rules, engine);
}

/** The compiled engine for a set of rules, compiled once per rules object. */
export function riskEngine(rules: RiskRules): RiskEngine {
  let engine = ENGINES.get(rules);
  if (!engine) {
    engine = compileRiskRules(rules).engine;
    ENGINES.set(rules, engine);
  }
  return engine;
}
