import path from 'node:path';
import type { CaseFile } from '../domain/case.ts';
import { isRiskCategory } from '../domain/categories.ts';
import type { InputProblem } from '../domain/errors.ts';
import type { Transcript } from '../domain/transcript.ts';
import { didYouMean, listValues } from '../input/suggest.ts';

export interface CaseRuleContext {
  folderName: string;
  caseYamlPath: string;
  /** Line of a node in case.yaml (`['facts', 3, 'evidence', 1]`), or null. */
  lineOf: (path: (string | number)[]) => number | null;
  /** reference.md's path and text (null when missing); the check is skipped when not given. */
  reference?: { path: string; text: string | null };
}

type Rule = (file: CaseFile, transcript: Transcript, ctx: CaseRuleContext, out: InputProblem[]) => void;

const folderMatchesId: Rule = (file, _t, ctx, out) => {
  if (file.id === ctx.folderName) return;
  out.push({
    file: ctx.caseYamlPath,
    line: ctx.lineOf(['id']),
    message: `id "${file.id}" differs from the folder name "${ctx.folderName}"`,
    fix: `rename the folder to "${file.id}", or set "id: ${ctx.folderName}"`,
  });
};

/** Fact and mustNot ids share one namespace: reports name them without saying which list they came from. */
const uniqueIds: Rule = (file, _t, ctx, out) => {
  const first = new Map<string, string>();
  const items = [
    ...file.facts.map((f, i) => ['facts', i, f.id] as const),
    ...(file.mustNot ?? []).map((m, i) => ['mustNot', i, m.id] as const),
  ];
  for (const [list, i, id] of items) {
    const earlier = first.get(id);
    if (earlier === undefined) {
      first.set(id, `${list}[${i}]`);
      continue;
    }
    out.push({
      file: ctx.caseYamlPath,
      line: ctx.lineOf([list, i, 'id']),
      message: `duplicate id "${id}" in ${list}[${i}] (already used by ${earlier})`,
      fix: 'give every fact and mustNot item its own id, e.g. by adding a suffix such as -2',
    });
  }
};

function turnCount(transcript: Transcript): string {
  const n = transcript.turns.length;
  return `${path.basename(transcript.source)} has ${n} turn${n === 1 ? '' : 's'}`;
}

const turnsExist: Rule = (file, transcript, ctx, out) => {
  const last = transcript.turns.length;
  const fix = `use a turn number from 1 to ${last}; turns are counted in file order, one per "SPEAKER:" line`;
  file.facts.forEach((fact, i) =>
    fact.evidence.forEach((turn, j) => {
      if (turn > last)
        out.push({
          file: ctx.caseYamlPath,
          line: ctx.lineOf(['facts', i, 'evidence', j]),
          message: `facts[${i}] (${fact.id}): evidence turn ${turn} is past the last turn (${turnCount(transcript)})`,
          fix,
        });
    }),
  );
  (file.measures ?? []).forEach((m, i) => {
    if (m.turn > last)
      out.push({
        file: ctx.caseYamlPath,
        line: ctx.lineOf(['measures', i, 'turn']),
        message: `measures[${i}] (${m.name}): turn ${m.turn} is past the last turn (${turnCount(transcript)})`,
        fix,
      });
  });
};

const speakersUsed: Rule = (file, transcript, ctx, out) => {
  const labels = [...new Set(transcript.turns.map((t) => t.speaker))];
  const used = new Set(labels.map((l) => l.toUpperCase()));
  for (const label of Object.keys(file.speakers ?? {})) {
    if (used.has(label.toUpperCase())) continue;
    out.push({
      file: ctx.caseYamlPath,
      line: ctx.lineOf(['speakers', label]),
      message: `speakers names "${label}", but no turn in ${path.basename(transcript.source)} has that label`,
      fix: `remove "${label}" or correct its spelling${didYouMean(label, labels)}; the transcript's labels are: ${listValues(labels) || '(none)'}`,
    });
  }
};

/** reference.md must exist and say something; exported for folders whose case.yaml is too broken for the other rules. */
export function referenceProblems(ref: { path: string; text: string | null }): InputProblem[] {
  if (ref.text !== null && ref.text.trim() !== '') return [];
  return [
    {
      file: ref.path,
      line: null,
      message: ref.text === null ? 'reference.md is missing' : 'reference.md is empty',
      fix: "write the clinician's reference note in the case's noteFormat, with section headings (e.g. ## Subjective), the risk assessment and a plan",
    },
  ];
}

const referencePresent: Rule = (_f, _t, ctx, out) => {
  if (ctx.reference) out.push(...referenceProblems(ctx.reference));
};

/** A client's risk is documented from what the client said; therapist turns alone cannot show it. */
const riskEvidenceFromClient: Rule = (file, transcript, ctx, out) => {
  file.facts.forEach((fact, i) => {
    if (!isRiskCategory(fact.category)) return;
    const turns = fact.evidence.flatMap((n) => transcript.turns.filter((t) => t.number === n));
    if (turns.length === 0 || turns.some((t) => t.role !== 'therapist')) return;
    out.push({
      file: ctx.caseYamlPath,
      line: ctx.lineOf(['facts', i, 'evidence']),
      message: `facts[${i}] (${fact.id}): evidence for ${fact.category} cites only therapist turns (${fact.evidence.join(', ')})`,
      fix: 'add the turn(s) where the client speaks about it; if the labels are not THERAPIST/CLIENT, map them under speakers',
    });
  });
};

const RULES: readonly Rule[] = [folderMatchesId, uniqueIds, turnsExist, speakersUsed, referencePresent, riskEvidenceFromClient];

/** Checks a valid case.yaml against its folder, transcript and reference note: what zod cannot see. */
export function checkCaseRules(file: CaseFile, transcript: Transcript, ctx: CaseRuleContext): InputProblem[] {
  const out: InputProblem[] = [];
  for (const rule of RULES) rule(file, transcript, ctx, out);
  return out;
}
