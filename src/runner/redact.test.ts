import { describe, expect, it } from 'vitest';
import { BackendConfig } from '../config/schema.ts';
import { redactor, secretEnvNames } from './redact.ts';

describe('redactor', () => {
  it('masks every configured key wherever it appears', () => {
    const redact = redactor(['A_KEY', 'B_KEY'], { A_KEY: 'loopback-key-aaaa', B_KEY: 'loopback-key-bbbb' });
    expect(redact('401: bad key loopback-key-aaaa (and loopback-key-bbbb, loopback-key-aaaa)')).toBe(
      '401: bad key [redacted] (and [redacted], [redacted])',
    );
  });

  it('leaves text alone when no key is set, and ignores values too short to be keys', () => {
    expect(redactor(['A_KEY'], {})('nothing to hide')).toBe('nothing to hide');
    expect(redactor(['A_KEY'], { A_KEY: 'no' })('no plan, no intent')).toBe('no plan, no intent');
  });

  it('collects the key variables of model, REST and judge backends, not of keyless ones', () => {
    const backends = [
      { id: 'a', kind: 'openai', model: 'm', apiKeyEnv: 'A_KEY' },
      { id: 'h', kind: 'http', url: 'http://127.0.0.1:1/x', notePath: 'note', auth: { env: 'H_KEY' } },
      { id: 'g', kind: 'reference', variant: 'gold' },
    ].map((b) => BackendConfig.parse(b));
    expect(secretEnvNames(backends, { kind: 'anthropic', model: 'j', apiKeyEnv: 'J_KEY', temperature: 0, concurrency: 1 })).toEqual([
      'A_KEY',
      'H_KEY',
      'J_KEY',
    ]);
  });
});
