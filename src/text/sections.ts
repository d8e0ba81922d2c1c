import { normalize } from './normalize.ts';

export interface NoteSection {
  /** The heading as written, e.g. "## Subjective" or "S:". */
  heading: string;
  /** The heading's label, normalised ("subjective", "s"). */
  label: string;
  body: string;
  /** Character offset of the heading in the note. */
  start: number;
}

// A heading is a markdown heading, a bold label, or a short label line ending in a colon
// ("SUBJECTIVE:", "S:", "**Plan:**"). Text after a label's colon on the same line is body.
const HEADING =
  /^[ \t]*(?:#{1,6}[ \t]+(?<md>[^\n#]+?)[ \t]*#*[ \t]*$|\*\*(?<bold>[^*\n]{1,40}?):?\*\*:?[ \t]*(?<boldRest>.*)$|(?<label>[A-Za-z][A-Za-z &/-]{0,39}):[ \t]*(?<labelRest>.*)$)/gm;

function cleanLabel(raw: string): string {
  return normalize(raw)
    .replace(/[:*_]/g, '')
    .replace(/\(.*?\)/g, '')
    .trim();
}

/** Splits a note into its headed sections, in order. Text before the first heading is dropped. */
export function splitSections(note: string, knownLabels?: ReadonlySet<string>): NoteSection[] {
  const heads: { heading: string; label: string; start: number; bodyStart: number; rest: string }[] = [];
  for (const m of note.matchAll(HEADING)) {
    const g = m.groups ?? {};
    const raw = g['md'] ?? g['bold'] ?? g['label'];
    if (raw === undefined) continue;
    const label = cleanLabel(raw);
    // With known labels, anything else ("**Risk:**", "Client: reported...", "### Safety plan")
    // is a sub-heading or prose inside the current section, not a new section.
    if (knownLabels && !knownLabels.has(label)) continue;
    heads.push({
      heading: m[0].trim(),
      label,
      start: m.index,
      bodyStart: m.index + m[0].length,
      rest: (g['boldRest'] ?? g['labelRest'] ?? '').trim(),
    });
  }
  return heads.map((h, i) => {
    const end = heads[i + 1]?.start ?? note.length;
    const body = [h.rest, note.slice(h.bodyStart, end).trim()].filter(Boolean).join('\n');
    return { heading: h.heading, label: h.label, body, start: h.start };
  });
}
