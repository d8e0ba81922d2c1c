import { describe, expect, it } from 'vitest';
import { splitSections } from './sections.ts';

const soap = new Set(['subjective', 's', 'objective', 'o', 'assessment', 'a', 'plan', 'p']);

describe('splitSections', () => {
  it('reads markdown headings, bold labels and label lines alike', () => {
    const note = [
      '# Progress note, session 4',
      '## Subjective',
      'Client reported poor sleep.',
      '**O:** Tearful, oriented.',
      'ASSESSMENT: Low mood persists.',
      '**Risk:** passive SI, no plan.',
      'Plan:',
      'Next session in one week.',
    ].join('\n');
    const sections = splitSections(note, soap);
    expect(sections.map((s) => s.label)).toEqual(['subjective', 'o', 'assessment', 'plan']);
    expect(sections[1]?.body).toBe('Tearful, oriented.');
    // An unknown bold label stays inside the section it appears in.
    expect(sections[2]?.body).toContain('passive SI, no plan');
    expect(sections[3]?.body).toBe('Next session in one week.');
  });

  it('does not split on prose that merely contains a colon', () => {
    const note = '## Plan\nClient: agreed to call the crisis line if needed.';
    expect(splitSections(note, soap)).toHaveLength(1);
  });
});
