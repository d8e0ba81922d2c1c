import { Case } from '../domain/case.ts';

/** A small valid case for unit tests that need one but not the corpus. */
export function miniCase(overrides: Partial<Case> = {}): Case {
  return Case.parse({
    id: 'mini-case',
    title: 'Mini case for tests',
    modality: 'cbt',
    noteFormat: 'soap',
    session: { number: 2, minutes: 50 },
    client: { pseudonym: 'Rowan' },
    facts: [{ id: 'si-passive', category: 'risk.si.passive', statement: 'Passive SI voiced', evidence: [2] }],
    dir: 'fixtures/cases/mini-case',
    referenceNote: '## Subjective\nClient endorsed passive suicidal ideation.\n',
    transcript: {
      source: 'transcript.txt',
      turns: [
        { number: 1, speaker: 'THERAPIST', role: 'therapist', text: 'How has the week been?', line: 1 },
        { number: 2, speaker: 'CLIENT', role: 'client', text: "Sometimes I wish I just wouldn't wake up.", line: 2 },
      ],
    },
    ...overrides,
  });
}
