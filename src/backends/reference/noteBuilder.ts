import type { NoteTemplate } from '../../domain/rubrics.ts';

/** Renders a note in a format: a title line, then `## Label` and its body for each section. */
export function renderNote(title: string, template: NoteTemplate, bodies: Readonly<Record<string, string>>): string {
  const parts = [`# ${title}`, ''];
  for (const s of template.sections) {
    parts.push(`## ${s.label}`, bodies[s.id]?.trim() || 'Not documented.', '');
  }
  return parts.join('\n').trimEnd() + '\n';
}
