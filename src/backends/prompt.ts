import { existsSync, readFileSync } from 'node:fs';
import Handlebars from 'handlebars';
import type { Case } from '../domain/case.ts';
import { InputError } from '../domain/errors.ts';
import type { Rubrics } from '../domain/rubrics.ts';
import { unknownTemplateNames } from './templateNames.ts';
import type { ScribeInput } from './types.ts';

export const SYSTEM_PROMPT =
  'You are a clinical documentation assistant for a licensed psychotherapist. You write accurate, concise progress notes from session transcripts.';

const PROMPTS = new URL('./prompts/', import.meta.url);

// noEscape: the prompt is plain text for a model, not HTML; escaping would garble quotes.
// strict: a misspelt variable in a user's template fails loudly instead of sending blanks.
const hbs = Handlebars.create();
const compile = (source: string): HandlebarsTemplateDelegate => hbs.compile(source, { noEscape: true, strict: true });

/** A bundled guide file for one format or modality, or the generic one when there is none. */
const guides = new Map<string, HandlebarsTemplateDelegate>();
function guide(kind: 'formats' | 'modalities', id: string): HandlebarsTemplateDelegate {
  const key = `${kind}/${id}`;
  let t = guides.get(key);
  if (!t) {
    const own = new URL(`${kind}/${id}.hbs`, PROMPTS);
    t = compile(readFileSync(existsSync(own) ? own : new URL(`${kind}/_generic.hbs`, PROMPTS), 'utf8').trimEnd());
    guides.set(key, t);
  }
  return t;
}

/** What every prompt template can use; documented in README "Prompt templates". */
function promptData(kase: Case, rubrics: Rubrics): Record<string, unknown> {
  const format = rubrics.formats[kase.noteFormat];
  const modality = rubrics.modalities[kase.modality];
  const elements = modality?.elements.map((e) => e.label) ?? [];
  return {
    caseId: kase.id,
    noteFormat: kase.noteFormat,
    formatName: format?.name ?? kase.noteFormat.toUpperCase(),
    sections: format?.sections.map((s) => s.label) ?? [],
    formatGuide: guide('formats', kase.noteFormat)({}),
    modality: kase.modality,
    modalityName: modality?.name ?? kase.modality,
    modalityGuide: guide('modalities', kase.modality)({ elements }),
    pseudonym: kase.client.pseudonym,
    sessionNumber: kase.session.number,
    minutes: kase.session.minutes,
    turns: kase.transcript.turns,
  };
}

/** The turn fields a template can use inside {{#each turns}}. */
export const TURN_VARIABLES = ['number', 'speaker', 'role', 'text', 'startSeconds', 'line'] as const;

/**
 * Handlebars' strict mode says `"foo" not defined in [object Object] - 3:4`; a user needs
 * the variable, the line and the names that do exist.
 */
export function templateError(err: unknown, file: string, caseId: string, known: readonly string[]): InputError {
  const message = err instanceof Error ? err.message : String(err);
  const unknown = /^"([^"]+)" not defined in .* - (\d+):(\d+)$/.exec(message);
  if (unknown) {
    return InputError.single(
      file,
      Number(unknown[2]),
      `the template uses "${unknown[1]}", which is not a template variable`,
      `use one of: ${known.join(', ')}; inside {{#each turns}}: ${TURN_VARIABLES.join(', ')}`,
    );
  }
  return InputError.single(
    file,
    null,
    `the template failed for case ${caseId}: ${message.split('\n')[0]}`,
    'use only the documented template variables (README, "Prompt templates")',
  );
}

export interface PromptBuilder {
  /** The user message for one case (the same for every sample). */
  build(input: ScribeInput): string;
  /** The note-cache fingerprint of a chat request: its settings plus the exact prompts sent. */
  fingerprint(settings: Record<string, unknown>, input: ScribeInput): string;
}

function loadTemplate(file: string | undefined): { template: HandlebarsTemplateDelegate; source: string | null } {
  if (!file) return { template: compile(readFileSync(new URL('note.hbs', PROMPTS), 'utf8')), source: null };
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (err) {
    throw InputError.single(
      file,
      null,
      `cannot read the prompt template: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
      'check the backend\'s "prompt" path (relative to the config file)',
    );
  }
  try {
    const t = compile(source);
    hbs.precompile(source);
    return { template: t, source };
  } catch (err) {
    const line = /line (\d+)/.exec((err as Error).message)?.[1];
    throw InputError.single(
      file,
      line ? Number(line) : null,
      `the prompt template does not parse: ${(err as Error).message.split('\n')[0]}`,
      'fix the handlebars syntax ({{variable}}, {{#each turns}}...{{/each}})',
    );
  }
}

/**
 * The prompt for a backend: the bundled note.hbs (format and modality guides from
 * prompts/formats and prompts/modalities), or the backend's own template file. Built once
 * per case: it is needed twice per call (cache key, then request) and k times per case.
 */
export function promptBuilder(rubrics: Rubrics, templateFile?: string): PromptBuilder {
  const { template, source } = loadTemplate(templateFile);
  const built = new WeakMap<Case, string>();
  let namesChecked = source === null;
  const build = ({ kase }: ScribeInput): string => {
    let prompt = built.get(kase);
    if (prompt === undefined) {
      const data = promptData(kase, rubrics);
      if (!namesChecked && source !== null) {
        // Strict mode misses names used as helper arguments, and names in untaken branches.
        const [unknown] = unknownTemplateNames(source, data);
        if (unknown)
          throw templateError(
            new Error(`"${unknown.name}" not defined in data - ${unknown.line}:0`),
            templateFile ?? 'note.hbs',
            kase.id,
            Object.keys(data),
          );
        namesChecked = true;
      }
      try {
        prompt = template(data);
      } catch (err) {
        throw templateError(err, templateFile ?? 'note.hbs', kase.id, Object.keys(data));
      }
      built.set(kase, prompt);
    }
    return prompt;
  };
  return { build, fingerprint: (settings, input) => JSON.stringify({ ...settings, system: SYSTEM_PROMPT, prompt: build(input) }) };
}

const defaults = new WeakMap<Rubrics, PromptBuilder>();

/** The bundled prompt for one case. */
export function buildPrompt(input: ScribeInput, rubrics: Rubrics): string {
  let builder = defaults.get(rubrics);
  if (!builder) defaults.set(rubrics, (builder = promptBuilder(rubrics)));
  return builder.build(input);
}
