import { describe, expect, it } from 'vitest';
import { BackendConfig } from './schema.ts';
import { secretsInBackend } from './secrets.ts';

const http = (extra: Record<string, unknown>) =>
  BackendConfig.parse({ id: 'v', kind: 'http', url: 'https://vendor.example/notes', notePath: 'note', ...extra });
const found = (b: BackendConfig): string[] => secretsInBackend(b, ['backends', 0]).map((f) => f.message);

describe('secretsInBackend: keys come from the environment only', () => {
  it.each([
    ['Authorization bearer', { headers: { Authorization: 'Bearer abcdefgh12345678' } }],
    ['x-api-key', { headers: { 'x-api-key': 'short' } }],
    ['an sk- key in any header', { headers: { 'X-Vendor': 'sk-proj-abcdefghijklmnop' } }],
    ['a JWT in any header', { headers: { 'X-Session': 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.abc' } }],
    ['a key in the URL query', { url: 'https://vendor.example/notes?api_key=abc123' }],
    ['a password in the URL', { url: 'https://me:pw@vendor.example/notes' }],
    ['a key in the poll URL', { poll: { url: 'https://vendor.example/jobs/{{id}}?token=abc', statusPath: 'status' } }],
    ['a key in the body template', { body: '{"apiKey": "abc123", "prompt": {{json prompt}} }' }],
  ])('refuses %s', (_name, extra) => {
    expect(found(http(extra))).toHaveLength(1);
  });

  it.each([
    ['plain headers', { headers: { 'content-type': 'application/json', 'X-Request-Source': 'scribe-audit-nightly-build-2026-12' } }],
    ['auth from the environment', { auth: { env: 'VENDOR_KEY' } }],
    ['a templated poll URL', { poll: { url: 'https://vendor.example/jobs/{{id}}?format=json', statusPath: 'status' } }],
    ['a body with only template values', { body: '{"prompt": {{json prompt}}, "model": "scribe-2"}' }],
  ])('accepts %s', (_name, extra) => {
    expect(found(http(extra))).toEqual([]);
  });

  it('checks SDK base URLs and command arguments too', () => {
    expect(found(BackendConfig.parse({ id: 'o', kind: 'openai', model: 'm', baseURL: 'https://proxy.example/v1?key=abc' }))).toHaveLength(
      1,
    );
    expect(
      found(BackendConfig.parse({ id: 'c', kind: 'command', command: 'scribe', args: ['--key', 'sk-abcdefghijklmnopq'] })),
    ).toHaveLength(1);
    expect(found(BackendConfig.parse({ id: 'c', kind: 'command', command: 'scribe', args: ['--format', 'soap'] }))).toEqual([]);
  });
});
