import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULTS } from '../config/paths.ts';
import { readRubrics } from '../config/rubrics.ts';
import { InputError } from '../domain/errors.ts';
import type { Rubrics } from '../domain/rubrics.ts';
import { miniCase } from '../testing/miniCase.ts';
import { buildPrompt, promptBuilder } from './prompt.ts';

let rubrics: Rubrics;
let dir: string;
beforeAll(async () => {
  rubrics = await readRubrics(DEFAULTS.rubrics);
  dir = await mkdtemp(path.join(tmpdir(), 'scribe-audit-prompt-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('bundled prompt', () => {
  it("carries the format's sections and guide, the modality's guide and the transcript", () => {
    const soapCbt = buildPrompt({ kase: miniCase(), sample: 0 }, rubrics);
    expect(soapCbt).toContain('## Subjective');
    expect(soapCbt).toMatch(/SOAP: Subjective is the client's own account/);
    expect(soapCbt).toMatch(/CBT: record the agenda/);
    expect(soapCbt).toContain("[2] CLIENT: Sometimes I wish I just wouldn't wake up.");
  });

  it("switches guides with the case's format and modality", () => {
    const girpEmdr = buildPrompt({ kase: miniCase({ noteFormat: 'girp', modality: 'emdr' }), sample: 0 }, rubrics);
    expect(girpEmdr).toMatch(/GIRP: Goals are/);
    expect(girpEmdr).toMatch(/EMDR: name the phase/);
    expect(girpEmdr).not.toMatch(/SOAP:|CBT: record/);
  });
});

describe("a backend's own prompt template", () => {
  it('replaces the bundled one and can use every documented variable', async () => {
    const file = path.join(dir, 'vendor.hbs');
    await writeFile(
      file,
      'Case {{caseId}} ({{noteFormat}}/{{modality}}) for {{pseudonym}}, {{minutes}} min.\n{{formatGuide}}\n{{#each turns}}{{speaker}}> {{text}}\n{{/each}}',
    );
    const builder = promptBuilder(rubrics, file);
    const prompt = builder.build({ kase: miniCase(), sample: 0 });
    expect(prompt).toMatch(/^Case mini-case \(soap\/cbt\) for Rowan, 50 min\.\nSOAP:/);
    expect(prompt).toContain('CLIENT> Sometimes I wish');
    // A different template means a different request, so a different cache key.
    expect(builder.fingerprint({}, { kase: miniCase(), sample: 0 })).not.toBe(
      promptBuilder(rubrics).fingerprint({}, { kase: miniCase(), sample: 0 }),
    );
  });

  it('names the file and line of a template that does not parse', async () => {
    const file = path.join(dir, 'broken.hbs');
    await writeFile(file, 'Line one\nLine two {{#each turns}} never closed\n');
    const err = (() => {
      try {
        promptBuilder(rubrics, file);
        return null;
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).problems[0]).toMatchObject({ file, line: expect.any(Number) });
  });

  it('says which variable is unknown instead of sending a blank', async () => {
    const file = path.join(dir, 'typo.hbs');
    await writeFile(file, 'Hello {{pseudonymn}}');
    expect(() => promptBuilder(rubrics, file).build({ kase: miniCase(), sample: 0 })).toThrow(/pseudonymn/);
  });

  it('reports a missing template file as an input error naming it', () => {
    expect(() => promptBuilder(rubrics, path.join(dir, 'nope.hbs'))).toThrow(/nope\.hbs.*cannot read the prompt template/s);
  });
});
