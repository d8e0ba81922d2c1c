import { readFileSync } from 'node:fs';
import Handlebars from 'handlebars';
import type { Rubrics } from '../domain/rubrics.ts';
import type { ScribeInput } from './types.ts';

export const SYSTEM_PROMPT =
  'You are a clinical documentation assistant for a licensed psychotherapist. You write accurate, concise progress notes from session transcripts.';

// noEscape: the prompt is plain text for a model, not HTML; escaping would garble quotes.
const hbs = Handlebars.create();
const defaultTemplate = hbs.compile(readFileSync(new URL('./prompts/default.hbs', import.meta.url), 'utf8'), { noEscape: true, strict: true });

// The prompt depends only on the case and rubrics, not the sample; it is built twice per
// call (cache key, then request) and k times per case, so keep one per case object.
const built = new WeakMap<object, WeakMap<object, string>>();

/** The user message a model-backed scribe receives for one case. */
export function buildPrompt(input: ScribeInput, rubrics: Rubrics): string {
  const perRubrics = built.get(input.kase) ?? new WeakMap<object, string>();
  built.set(input.kase, perRubrics);
  const hit = perRubrics.get(rubrics);
  if (hit !== undefined) return hit;
  const prompt = renderPrompt(input, rubrics);
  perRubrics.set(rubrics, prompt);
  return prompt;
}

function renderPrompt({ kase }: ScribeInput, rubrics: Rubrics): string {
  const format = rubrics.formats[kase.noteFormat];
  const modality = rubrics.modalities[kase.modality];
  return defaultTemplate({
    formatName: format?.name ?? kase.noteFormat.toUpperCase(),
    sections: format?.sections.map((s) => s.label) ?? [],
    modalityName: modality?.name ?? kase.modality,
    pseudonym: kase.client.pseudonym,
    sessionNumber: kase.session.number,
    minutes: kase.session.minutes,
    turns: kase.transcript.turns,
  });
}

/** The note-cache fingerprint of a chat-model request: its settings plus the exact prompts sent. */
export function chatFingerprint(settings: Record<string, unknown>, input: ScribeInput, rubrics: Rubrics): string {
  return JSON.stringify({ ...settings, system: SYSTEM_PROMPT, prompt: buildPrompt(input, rubrics) });
}
