import { describe, expect, it } from 'vitest';
import { unknownTemplateNames } from './templateNames.ts';

const data = { pseudonym: 'Rowan', sections: ['Subjective', 'Plan'], turns: [{ number: 1, speaker: 'CLIENT', text: 'hi' }] };
const names = (source: string): string[] => unknownTemplateNames(source, data, ['json']).map((u) => `${u.name}@${u.line}`);

describe('unknownTemplateNames', () => {
  it('accepts the names the data has, in and out of blocks', () => {
    expect(
      names(
        '{{pseudonym}}\n{{#each sections}}## {{this}} {{@index}}\n{{/each}}{{#each turns}}[{{number}}] {{speaker}}: {{text}} {{../pseudonym}}{{/each}}{{json pseudonym}}',
      ),
    ).toEqual([]);
  });

  it('finds a misspelt name with its line, also where strict mode would not (helper arguments)', () => {
    expect(names('Hello\n{{pseudonyn}}')).toEqual(['pseudonyn@2']);
    expect(names('{"t": {{json transcrpt}} }')).toEqual(['transcrpt@1']);
  });

  it('checks names inside #each against the items, and unknown helpers', () => {
    expect(names('{{#each turns}}{{speker}}{{/each}}')).toEqual(['speker@1']);
    expect(names('{{upper pseudonym}}')).toEqual(['upper@1']);
    expect(names('{{#if missing}}x{{/if}}')).toEqual(['missing@1']);
  });
});
