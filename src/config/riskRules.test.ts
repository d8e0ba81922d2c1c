import { describe, expect, it } from 'vitest';
import { DEFAULTS } from './paths.ts';
import { parseRiskRules, readRiskRuleTexts, type RiskRuleTexts } from './riskRules.ts';

const texts = await readRiskRuleTexts(DEFAULTS.riskRules);

/** The project's rules with one file's text changed. */
const withFile = (name: string, text: string): RiskRuleTexts => ({ ...texts, [name]: text });
const problemsOf = (t: RiskRuleTexts, examples = false) => {
  const r = parseRiskRules(t, 'rubrics/risk', { examples });
  return 'problems' in r ? r.problems : [];
};

const TARGET = (rule: string): string => `version: 1\nabout: test rules\nrules:\n${rule}`;

describe('parseRiskRules', () => {
  it('accepts the project rules, examples included', () => {
    expect(problemsOf(texts, true)).toEqual([]);
  });

  it('names file and line of a YAML error', () => {
    const [p] = problemsOf(withFile('targets/extra.yaml', TARGET('  - id: x\n    pattern: "die"\n   category: risk.si\n')));
    expect(p).toMatchObject({ file: 'rubrics/risk/targets/extra.yaml', line: expect.any(Number) });
  });

  it('names the line of a field the schema does not know, and of a rule without examples, with a fix', () => {
    const missing = problemsOf(withFile('targets/extra.yaml', TARGET('  - id: x\n    category: risk.si\n    pattern: "die"\n')));
    expect(missing[0]).toMatchObject({ line: 4, message: expect.stringMatching(/match/) });
    const [p] = problemsOf(
      withFile(
        'targets/extra.yaml',
        TARGET('  - id: x\n    category: risk.si\n    pattern: "die"\n    match: [I want to die.]\n    mood: sad\n'),
      ),
    );
    expect(p).toMatchObject({ file: 'rubrics/risk/targets/extra.yaml', line: 8, message: expect.stringMatching(/mood/) });
    expect(p?.fix).toBeTruthy();
  });

  it('names the line of a pattern that does not parse or names an unknown concept', () => {
    const broken = problemsOf(
      withFile('targets/extra.yaml', TARGET('  - id: x\n    category: risk.si\n    pattern: "(die | dead"\n    match: [I want to die.]\n')),
    );
    expect(broken[0]).toMatchObject({ file: 'rubrics/risk/targets/extra.yaml', line: 6 });
    const unknown = problemsOf(
      withFile(
        'targets/extra.yaml',
        TARGET('  - id: x\n    category: risk.si\n    pattern: "<no-such-concept> die"\n    match: [I want to die.]\n'),
      ),
    );
    expect(unknown[0]?.message).toMatch(/no-such-concept/);
    expect(unknown[0]?.line).toBe(6);
  });

  it('names the line of a rule whose id another rule file already uses', () => {
    const dup = TARGET(
      '  - id: si.method.imagery\n    category: risk.si.method\n    pattern: "jump ..3 bridge"\n    match: [I think about jumping off the bridge.]\n',
    );
    const problems = problemsOf(withFile('targets/zz-extra.yaml', dup));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'rubrics/risk/targets/zz-extra.yaml', line: 4 });
    expect(problems[0]?.message).toBe('rule id si.method.imagery is already used in targets/si.yaml');
    expect(problems[0]?.fix).toMatch(/new id/);
  });

  it("runs a rule's own examples and names the line of one that fails", () => {
    const rule =
      '  - id: x.wish-away\n    category: risk.si.passive\n    pattern: "wish ..3 away forever"\n    match:\n      - I wish I could float away forever.\n      - I want to go to the beach.\n';
    const problems = problemsOf(withFile('targets/extra.yaml', TARGET(rule)), true);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'rubrics/risk/targets/extra.yaml', line: 9 });
    expect(problems[0]?.message).toMatch(/go to the beach/);
  });

  it('reports a missing rule file with how to restore it', () => {
    const { ['concepts.yaml']: _gone, ...rest } = texts;
    const [p] = problemsOf(rest);
    expect(p).toMatchObject({ file: 'rubrics/risk/concepts.yaml', line: null, message: expect.stringMatching(/missing/) });
  });
});
