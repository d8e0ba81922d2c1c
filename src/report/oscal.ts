import { createHash } from 'node:crypto';
import type { ComplianceItemResult, ComplianceResult } from '../domain/compliance.ts';
import type { RunResult } from '../domain/run.ts';
import { itemDates, itemNote } from './compliance.ts';

/**
 * NIST OSCAL output (`--format oscal`): the compliance checklist results as an
 * `assessment-results` document (one result per vendor, an observation and a finding per
 * checklist item) and the vendor profiles as one `component-definition` (a component per
 * vendor, an implemented requirement per checklist item, keyed by the item id).
 * Written for OSCAL 1.0.6; the tests validate both against NIST's own JSON schemas
 * (src/testing/schemas/oscal/). Deterministic: every UUID is a version-5 UUID of the run
 * id, vendor and item, and every timestamp comes from the run.
 */

export const OSCAL_VERSION = '1.0.6';
export const OSCAL_RESULTS_FILE = 'oscal-assessment-results.json';
export const OSCAL_COMPONENTS_FILE = 'oscal-component-definitions.json';
/** Namespace of the properties this tool defines (OSCAL asks for one on non-core `props`). */
export const OSCAL_NS = 'urn:scribe-audit:oscal';

/** Namespace UUID for scribe-audit's v5 UUIDs (fixed: changing it changes every UUID written). */
const UUID_NAMESPACE = '5b0c6a58-3f4e-4c1d-9a57-2f0e8c1d7b42';

/** RFC 4122 version-5 UUID (SHA-1 of namespace and name). */
export function uuidV5(name: string, namespace: string = UUID_NAMESPACE): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const hash = createHash('sha1').update(ns).update(name, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const h = hash.subarray(0, 16).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

interface Prop {
  name: string;
  value: string;
  ns?: string;
  class?: string;
}
interface Link {
  href: string;
  rel?: string;
  text?: string;
}

/** OSCAL property values are one line with no space at either end. */
const propValue = (text: string): string => text.replace(/\s+/g, ' ').trim();
/** OSCAL tokens: a letter or `_`, then letters, digits, `.`, `-`, `_`. */
const token = (text: string): string => {
  const t = text.replace(/[^\p{L}\p{N}._-]/gu, '-');
  return /^[\p{L}_]/u.test(t) ? t : `_${t}`;
};
const prop = (name: string, value: string): Prop[] => {
  const v = propValue(value);
  return v === '' ? [] : [{ name: token(name), ns: OSCAL_NS, value: v }];
};

/** An OSCAL date-time from a run timestamp or a plain date (midnight UTC). */
function dateTime(text: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return `${text}T00:00:00Z`;
  const d = new Date(text);
  return Number.isNaN(d.getTime()) ? text : d.toISOString();
}

/** An evidence URL as a link when it is an absolute URL; anything else stays a property. */
function evidenceLinks(url: string | null): Link[] {
  if (url == null) return [];
  try {
    const u = new URL(url);
    return /^[a-zA-Z][a-zA-Z0-9+\-.]+:.+$/.test(u.href) ? [{ href: u.href, rel: 'evidence', text: 'evidence' }] : [];
  } catch {
    return [];
  }
}

/** What an item result says about its evidence, as properties: outcome, answer, kind, URL, as-of and any further dates. */
function itemProps(item: ComplianceItemResult): Prop[] {
  const props = [...prop('outcome', item.outcome), ...prop('severity', item.severity), ...prop('section', item.section)];
  if (item.answer != null) props.push(...prop('answer', item.answer));
  if (item.evidence != null) props.push(...prop('evidence-kind', item.evidence));
  if (item.evidenceUrl != null) props.push(...prop('evidence-url', item.evidenceUrl));
  if (item.asOf != null) props.push(...prop('as-of', item.asOf));
  for (const [name, value] of itemDates(item)) props.push(...prop(name, value));
  return props;
}

const describe = (item: ComplianceItemResult): string => {
  const note = itemNote(item);
  return note ? `${item.reason}\n\nNote: ${note}` : item.reason;
};

/** The checklist a run rated vendors against, as one back-matter resource both documents point at. */
function checklistResource(run: RunResult): { uuid: string; title: string; description: string } {
  return {
    uuid: uuidV5(`${run.runId}/checklist`),
    title: 'scribe-audit compliance checklist',
    description: `The behavioural-health AI scribe checklist (rubrics/compliance.yaml) that run ${run.runId} rated every vendor against; control ids are its item ids.`,
  };
}

function metadata(run: RunResult, title: string): Record<string, unknown> {
  return {
    title,
    'last-modified': dateTime(run.finishedAt),
    version: run.runId,
    'oscal-version': OSCAL_VERSION,
    props: [...prop('tool', `${run.tool.name} ${run.tool.version}`), ...prop('run-id', run.runId)],
  };
}

function vendorResult(run: RunResult, v: ComplianceResult): Record<string, unknown> {
  const key = `${run.runId}/${v.vendorId}`;
  const observations = v.items.map((item) => {
    const obs: Record<string, unknown> = {
      uuid: uuidV5(`${key}/${item.id}/observation`),
      title: `${item.id}: ${item.question}`,
      description: item.answer == null ? 'No answer on file.' : `The vendor answered "${item.answer}" (${item.evidence ?? 'no'} evidence).`,
      props: itemProps(item),
      methods: ['EXAMINE'],
      types: ['control-objective'],
      collected: dateTime(item.asOf ?? run.finishedAt),
    };
    const links = evidenceLinks(item.evidenceUrl);
    if (links.length > 0) {
      obs.links = links;
      obs['relevant-evidence'] = links.map((l) => ({
        href: l.href,
        description: `${item.evidence ?? 'evidence'} read on ${item.asOf ?? 'an unknown date'}`,
      }));
    }
    return obs;
  });
  const findings = v.items.map((item) => ({
    uuid: uuidV5(`${key}/${item.id}/finding`),
    title: `${item.id} ${item.outcome}`,
    description: describe(item),
    props: itemProps(item),
    target: {
      type: 'objective-id',
      'target-id': token(item.id),
      status: { state: item.outcome === 'pass' ? 'satisfied' : 'not-satisfied', reason: token(item.outcome) },
    },
    'related-observations': [{ 'observation-uuid': uuidV5(`${key}/${item.id}/observation`) }],
  }));
  return {
    uuid: uuidV5(`${key}/result`),
    title: `${v.vendorName} (${v.vendorId})`,
    description: `Compliance checklist results for vendor ${v.vendorName}${v.backends.length > 0 ? `, backends ${v.backends.join(', ')}` : ''}.`,
    start: dateTime(run.startedAt),
    end: dateTime(run.finishedAt),
    props: [...prop('vendor-id', v.vendorId), ...v.backends.flatMap((b) => prop('backend', b))],
    'reviewed-controls': {
      'control-selections': [{ 'include-controls': v.items.map((i) => ({ 'control-id': token(i.id) })) }],
    },
    observations,
    findings,
  };
}

/** oscal-assessment-results.json: the compliance results of the run, one OSCAL result per vendor. */
export function renderOscalAssessmentResults(run: RunResult): string {
  const checklist = checklistResource(run);
  const doc = {
    'assessment-results': {
      uuid: uuidV5(`${run.runId}/assessment-results`),
      metadata: metadata(run, `scribe-audit compliance assessment results, run ${run.runId}`),
      // There is no separate assessment plan: the checklist is the plan.
      'import-ap': { href: `#${checklist.uuid}` },
      results:
        run.compliance.length > 0
          ? run.compliance.map((v) => vendorResult(run, v))
          : [
              {
                uuid: uuidV5(`${run.runId}/result`),
                title: 'No vendor profiles',
                description: 'This run rated no vendor profiles.',
                start: dateTime(run.startedAt),
                end: dateTime(run.finishedAt),
                'reviewed-controls': { 'control-selections': [{ 'include-all': {} }] },
              },
            ],
      'back-matter': { resources: [checklist] },
    },
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

function component(run: RunResult, v: ComplianceResult, source: string): Record<string, unknown> {
  const key = `${run.runId}/${v.vendorId}`;
  const requirements = v.items.map((item) => {
    const req: Record<string, unknown> = {
      uuid: uuidV5(`${key}/${item.id}/requirement`),
      'control-id': token(item.id),
      description:
        item.answer == null
          ? `No answer on file for: ${item.question}`
          : `${item.question}\n\nAnswer: ${item.answer} (${item.evidence ?? 'no'} evidence${item.asOf ? `, as of ${item.asOf}` : ''}).${itemNote(item) ? `\n\nNote: ${itemNote(item)}` : ''}`,
      props: itemProps(item),
    };
    const links = evidenceLinks(item.evidenceUrl);
    if (links.length > 0) req.links = links;
    return req;
  });
  const c: Record<string, unknown> = {
    uuid: uuidV5(`${key}/component`),
    type: 'service',
    title: v.vendorName,
    description: `AI scribe vendor ${v.vendorName} (${v.vendorId}): its answers to the compliance checklist.`,
    props: [...prop('vendor-id', v.vendorId), ...v.backends.flatMap((b) => prop('backend', b))],
    purpose: 'AI scribe: writes clinical notes from therapy session recordings.',
  };
  if (requirements.length > 0) {
    c['control-implementations'] = [
      {
        uuid: uuidV5(`${key}/control-implementation`),
        source,
        description: `${v.vendorName}'s answers, one implemented requirement per checklist item.`,
        'implemented-requirements': requirements,
      },
    ];
  }
  return c;
}

/** oscal-component-definitions.json: every vendor profile of the run as a component of one OSCAL component-definition. */
export function renderOscalComponentDefinitions(run: RunResult): string {
  const checklist = checklistResource(run);
  const body: Record<string, unknown> = {
    uuid: uuidV5(`${run.runId}/component-definition`),
    metadata: metadata(run, `scribe-audit vendor profiles, run ${run.runId}`),
  };
  if (run.compliance.length > 0) body.components = run.compliance.map((v) => component(run, v, `#${checklist.uuid}`));
  body['back-matter'] = { resources: [checklist] };
  return `${JSON.stringify({ 'component-definition': body }, null, 2)}\n`;
}

/** Both OSCAL files, each rendered only when reached: assessment results first (the format's main file). */
export function* oscalFiles(run: RunResult): Generator<{ name: string; chunks: Iterable<string> }> {
  yield { name: OSCAL_RESULTS_FILE, chunks: [renderOscalAssessmentResults(run)] };
  yield { name: OSCAL_COMPONENTS_FILE, chunks: [renderOscalComponentDefinitions(run)] };
}
