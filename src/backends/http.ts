import { setTimeout as delay } from 'node:timers/promises';
import Handlebars from 'handlebars';
import { BackendError, InputError } from '../domain/errors.ts';
import type { Rubrics } from '../domain/rubrics.ts';
import { readApiKey } from '../http/apiKey.ts';
import type { HttpBackendConfig } from './httpConfig.ts';
import { readPath } from './jsonPath.ts';
import { promptBuilder, templateError, type PromptBuilder } from './prompt.ts';
import { retryAfterMs } from '../http/retryAfter.ts';
import type { ScribeBackend, ScribeInput, ScribeOutput } from './types.ts';

export interface HttpBackendContext {
  rubrics: Rubrics;
  env: NodeJS.ProcessEnv;
  /** Resolved path of the backend's prompt template, if it has one. */
  promptTemplate?: string | undefined;
  /** Injected so tests need not wait between polls. */
  wait?: (ms: number, signal: AbortSignal) => Promise<void>;
}

// A private instance: `json` renders a value as a JSON literal, so a transcript full of
// quotes and newlines cannot break the request body.
const hbs = Handlebars.create();
hbs.registerHelper('json', (value: unknown) => new Handlebars.SafeString(JSON.stringify(value ?? null)));
const compile = (source: string): HandlebarsTemplateDelegate => hbs.compile(source, { noEscape: true, strict: true });

/** Scheme, host and path only: query strings can carry tokens, and errors reach reports. */
const shown = (url: string): string => {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`;
  } catch {
    return '(invalid URL)';
  }
};

/** What a body template can use; documented in README "The http backend". */
export function bodyData(prompt: PromptBuilder, input: ScribeInput): Record<string, unknown> {
  const { kase, sample } = input;
  return {
    prompt: prompt.build(input),
    transcript: kase.transcript.turns.map((t) => `${t.speaker}: ${t.text}`).join('\n'),
    turns: kase.transcript.turns.map((t) => ({ number: t.number, speaker: t.speaker, role: t.role, text: t.text })),
    caseId: kase.id,
    noteFormat: kase.noteFormat,
    modality: kase.modality,
    pseudonym: kase.client.pseudonym,
    sessionNumber: kase.session.number,
    minutes: kase.session.minutes,
    sample,
  };
}

type Rendered = { ok: true; body: string } | { ok: false; message: string; fix: string };

/** The request body for one input, or why the body template cannot make valid JSON (also run by preflight). */
export function renderHttpBody(cfg: HttpBackendConfig, prompt: PromptBuilder, input: ScribeInput, template = compile(cfg.body)): Rendered {
  const data = bodyData(prompt, input);
  let body: string;
  try {
    body = template(data);
  } catch (err) {
    const e = templateError(err, 'config', input.kase.id, Object.keys(data));
    const p = e.problems[0]!;
    return { ok: false, message: `backend "${cfg.id}": the body template ${p.message.replace(/^the template /, '')}`, fix: p.fix };
  }
  try {
    JSON.parse(body);
  } catch (err) {
    return {
      ok: false,
      message: `backend "${cfg.id}": the body template does not give valid JSON (${(err as Error).message.split('\n')[0]})`,
      fix: 'insert text with {{json prompt}} or {{json transcript}}, which quote and escape it, and leave a space before a closing brace ("{{json prompt}} }")',
    };
  }
  return { ok: true, body };
}

/** A vendor's REST API: templated JSON body, secret header from the environment, note by path, optional polling. */
export function createHttpBackend(cfg: HttpBackendConfig, ctx: HttpBackendContext): ScribeBackend {
  const secret = cfg.auth ? readApiKey(cfg.id, cfg.auth.env, ctx.env) : null;
  const prompt = promptBuilder(ctx.rubrics, ctx.promptTemplate);
  const bodyTemplate = compile(cfg.body);
  const pollUrl = cfg.poll ? compile(cfg.poll.url) : null;
  const wait = ctx.wait ?? ((ms, signal) => delay(ms, undefined, { signal }));
  const headers = {
    'content-type': 'application/json',
    accept: 'application/json',
    ...cfg.headers,
    ...(cfg.auth && secret ? { [cfg.auth.header]: `${cfg.auth.prefix}${secret}` } : {}),
  };

  const renderBody = (input: ScribeInput): string => {
    const r = renderHttpBody(cfg, prompt, input, bodyTemplate);
    if (!r.ok) throw InputError.single('config', null, r.message, r.fix);
    return r.body;
  };

  async function call(method: string, url: string, body: string | undefined, signal: AbortSignal): Promise<unknown> {
    let res: Response;
    try {
      res = await fetch(url, { method, headers, ...(body === undefined ? {} : { body }), signal });
    } catch (err) {
      // Same code as the SDK backends give a cancelled call, so the runner and reports see one shape.
      if (signal.aborted) throw new BackendError(`${cfg.id}: cancelled`, { code: 'ABORTED', cause: err });
      throw new BackendError(`${cfg.id}: could not reach ${shown(url)}`, { code: 'CONNECTION', retryable: true, cause: err });
    }
    if (!res.ok) {
      await res.body?.cancel();
      const s = res.status;
      const code = s === 401 || s === 403 ? 'AUTH' : s === 429 ? 'RATE_LIMITED' : `HTTP_${s}`;
      const retryable = s === 408 || s === 409 || s === 429 || s >= 500;
      // The vendor's body is left out: it may echo the request, transcript and key included.
      throw new BackendError(`${cfg.id}: ${method} ${shown(url)} answered ${s}`, {
        code,
        retryable,
        status: s,
        retryAfterMs: retryAfterMs(res.headers),
      });
    }
    const text = await res.text();
    try {
      return JSON.parse(text);
    } catch {
      throw new BackendError(`${cfg.id}: ${shown(url)} answered with a body that is not valid JSON`, { code: 'BAD_RESPONSE' });
    }
  }

  const tokens = (json: unknown, at: string | undefined): number | undefined => {
    const n = at ? readPath(json, at) : undefined;
    return typeof n === 'number' && Number.isInteger(n) && n >= 0 ? n : undefined;
  };

  function noteFrom(json: unknown): ScribeOutput {
    const note = readPath(json, cfg.notePath);
    if (typeof note !== 'string' || note.trim() === '')
      throw new BackendError(`${cfg.id}: no note text at "${cfg.notePath}" in the response`, { code: 'EMPTY_NOTE' });
    const id = cfg.idPath ? readPath(json, cfg.idPath) : undefined;
    const inputTokens = tokens(json, cfg.usagePaths?.input);
    const outputTokens = tokens(json, cfg.usagePaths?.output);
    const usage = { ...(inputTokens !== undefined ? { inputTokens } : {}), ...(outputTokens !== undefined ? { outputTokens } : {}) };
    return {
      note,
      ...(typeof id === 'string' || typeof id === 'number' ? { responseId: String(id) } : {}),
      ...(Object.keys(usage).length > 0 ? { usage } : {}),
    };
  }

  async function poll(submitted: unknown, signal: AbortSignal): Promise<unknown> {
    const p = cfg.poll!;
    let url: string;
    try {
      url = pollUrl!(submitted);
    } catch (err) {
      throw new BackendError(`${cfg.id}: cannot build the poll URL from the submit response (${(err as Error).message.split('\n')[0]})`, {
        code: 'BAD_RESPONSE',
      });
    }
    for (let i = 0; i < p.maxPolls; i++) {
      await wait(p.intervalMs, signal);
      const json = await call('GET', url, undefined, signal);
      const raw = readPath(json, p.statusPath);
      // A status is a word or a number; anything else matches no done or failed value.
      const status = typeof raw === 'string' || typeof raw === 'number' ? String(raw) : '';
      if (p.doneValues.includes(status)) return json;
      if (p.failedValues.includes(status))
        throw new BackendError(`${cfg.id}: the vendor reported the job as "${status}"`, { code: 'VENDOR_FAILED' });
    }
    throw new BackendError(`${cfg.id}: the job was not done after ${p.maxPolls} polls`, { code: 'TIMEOUT', retryable: true });
  }

  return {
    id: cfg.id,
    kind: 'http',
    // Everything that shapes the request except the secret; the header's name is enough.
    fingerprint: (input) =>
      JSON.stringify({
        kind: 'http',
        url: cfg.url,
        method: cfg.method,
        headers: cfg.headers,
        auth: cfg.auth?.header ?? null,
        body: renderBody(input),
        notePath: cfg.notePath,
        poll: cfg.poll ?? null,
      }),
    async generate(input, { signal }) {
      const submitted = await call(cfg.method, cfg.url, renderBody(input), signal);
      return noteFrom(cfg.poll ? await poll(submitted, signal) : submitted);
    },
  };
}
