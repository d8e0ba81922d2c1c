import { describe, expect, it } from 'vitest';
import { RunConfig } from './schema.ts';
import { parseSettingFlag, resolveSettings, SETTING_DEFAULTS } from './settings.ts';

describe('run settings: one schema for flags, config and defaults', () => {
  it('flags get the same limits as the config file', () => {
    expect(parseSettingFlag('samples', '--samples', '100')).toEqual({ ok: true, value: 100 });
    expect(parseSettingFlag('samples', '--samples', '100000')).toEqual({
      ok: false,
      message: '--samples must be a whole number, at most 100; got "100000"',
    });
    expect(RunConfig.safeParse({ backends: [{ id: 'g', kind: 'reference', variant: 'gold' }], samples: 101 }).success).toBe(false);
    expect(parseSettingFlag('concurrency', '--concurrency', '257')).toMatchObject({
      ok: false,
      message: expect.stringContaining('at most 256'),
    });
    expect(parseSettingFlag('timeoutMs', '--timeout', '0')).toMatchObject({ ok: false, message: expect.stringContaining('at least 1') });
    expect(parseSettingFlag('samples', '--samples', '2.5')).toMatchObject({ ok: false });
    expect(parseSettingFlag('samples', '--samples', '')).toMatchObject({ ok: false });
  });

  it('a flag wins over the config file, which wins over the default', () => {
    expect(resolveSettings({ samples: 3 }, { samples: 2, concurrency: 4 })).toEqual({ ...SETTING_DEFAULTS, samples: 3, concurrency: 4 });
    expect(resolveSettings({}, {})).toEqual(SETTING_DEFAULTS);
  });
});
