import type { YamlPath } from '../input/yamlPath.ts';
import type { BackendConfig } from './schema.ts';

/**
 * Keys live in the environment only: a config file is committed, copied into CI logs and
 * attached to tickets. These checks refuse a literal credential wherever an `http` or SDK
 * backend could carry one (headers, URL, body template), so `validate` stops it before
 * anything is sent.
 */
export interface SecretFinding {
  path: YamlPath;
  message: string;
  fix: string;
}

// Names of headers, query parameters and JSON fields whose value is a credential.
const AUTH_NAME =
  /^(authorization|proxy[-_]?authorization|cookie|x[-_]?api[-_]?key|api[-_]?key|apikey|key|x[-_]?auth[-_]?token|auth[-_]?token|access[-_]?token|token|secret|client[-_]?secret|password|passwd|x[-_]?goog[-_]?api[-_]?key|ocp[-_]?apim[-_]?subscription[-_]?key|sig|signature)$/i;

// Shapes of real credentials, whatever field they sit in.
const CREDENTIAL_SHAPES: readonly RegExp[] = [
  /\b(bearer|basic|token)\s+[A-Za-z0-9._~+/=-]{8,}/i,
  /\bsk-[A-Za-z0-9_-]{10,}/, // OpenAI, Anthropic (sk-ant-...)
  /\b(AKIA|ASIA)[A-Z0-9]{16}\b/, // AWS access key ids
  /\b(ghp|gho|ghs|github_pat)_[A-Za-z0-9_]{20,}/,
  /\bxox[abpr]-[A-Za-z0-9-]{10,}/, // Slack
  /\bAIza[0-9A-Za-z_-]{30,}/, // Google API keys
  /\beyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\./, // JWTs
];

/** A long run of mixed letters and digits: what a generated key looks like. */
function looksRandom(value: string): boolean {
  const token = value.replace(/^(bearer|basic|token)\s+/i, '').trim();
  if (token.length < 24 || /\s/.test(token) || token.includes('{{')) return false;
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/].filter((re) => re.test(token)).length;
  return classes >= 2 && new Set(token).size >= 12;
}

const FIX =
  'remove the literal value and name an environment variable instead: auth: { env: VENDOR_KEY } (the header and prefix are configurable); keys are never read from the config file';

function credentialIn(value: string): boolean {
  return CREDENTIAL_SHAPES.some((re) => re.test(value));
}

function checkUrl(url: string, path: YamlPath, out: SecretFinding[]): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return;
  }
  if (parsed.password || (parsed.username && looksRandom(parsed.username)))
    out.push({ path, message: 'the URL carries a user name and password', fix: FIX });
  for (const [name, value] of parsed.searchParams) {
    if ((AUTH_NAME.test(name) && value && !value.includes('{{')) || credentialIn(value))
      out.push({ path, message: `the URL's query parameter "${name}" holds a credential`, fix: FIX });
  }
}

/** Literal credentials in one backend definition; `at` is the backend's path in the file. */
export function secretsInBackend(b: BackendConfig, at: YamlPath): SecretFinding[] {
  const out: SecretFinding[] = [];
  if (b.kind === 'http') {
    for (const [name, value] of Object.entries(b.headers)) {
      if (AUTH_NAME.test(name) || credentialIn(value))
        out.push({ path: [...at, 'headers', name], message: `header "${name}" holds a literal credential`, fix: FIX });
    }
    checkUrl(b.url, [...at, 'url'], out);
    if (b.poll) checkUrl(b.poll.url, [...at, 'poll', 'url'], out);
    // "api_key": "abc..." written into the JSON body template.
    for (const m of b.body.matchAll(/"([A-Za-z_-]+)"\s*:\s*"([^"{}]*)"/g)) {
      if ((AUTH_NAME.test(m[1]!) && m[2]) || credentialIn(m[2]!))
        out.push({ path: [...at, 'body'], message: `the body template sets "${m[1]}" to a literal credential`, fix: FIX });
    }
  }
  if (b.kind === 'command') {
    b.args.forEach((arg, i) => {
      if (credentialIn(arg))
        out.push({
          path: [...at, 'args', i],
          message: 'a command argument holds a literal credential',
          fix: 'let the command read its key from an environment variable it inherits; keys are never written in the config file',
        });
    });
  }
  if ((b.kind === 'openai' || b.kind === 'anthropic') && b.baseURL) checkUrl(b.baseURL, [...at, 'baseURL'], out);
  return out;
}
