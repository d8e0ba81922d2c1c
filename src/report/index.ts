import type { RunResult } from '../domain/run.ts';
import { csvChunks, renderCsv } from './csv.ts';
import { isBackendPage, renderBackendPages, renderHtml } from './html.ts';
import { jsonChunks, renderJson } from './json.ts';
import { renderJunit } from './junit.ts';
import { renderMarkdown } from './markdown.ts';
import { renderComplianceCsv } from './compliance.ts';
import { OSCAL_COMPONENTS_FILE, OSCAL_RESULTS_FILE, oscalFiles, renderOscalAssessmentResults } from './oscal.ts';

export const REPORT_FORMATS = ['html', 'json', 'md', 'junit', 'csv', 'oscal', 'compliance-csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** One file a reporter writes: its name in the output folder, and its text piece by piece (made as it is read). */
export interface ReportOutput {
  name: string;
  chunks: Iterable<string>;
}

export interface Reporter {
  /** Name of the reporter's main file inside the output folder. */
  fileName: string;
  /** Pure: the same run always renders the same string (the main file, whole). */
  render: (run: RunResult) => string;
  /**
   * Every file of the format, the main one first, each rendered only when reached and
   * streamed in pieces, so a large run is never held whole as text.
   */
  files: (run: RunResult) => Iterable<ReportOutput>;
  /** Further file names this format writes (html: backend-<id>.html), so an earlier run's can be removed. */
  owns: (name: string) => boolean;
}

const single = (fileName: string, render: (run: RunResult) => string, chunks?: (run: RunResult) => Iterable<string>): Reporter => ({
  fileName,
  render,
  files: (run) => [{ name: fileName, chunks: chunks ? chunks(run) : [render(run)] }],
  owns: (name) => name === fileName,
});

function* htmlFiles(run: RunResult): Generator<ReportOutput> {
  yield { name: 'index.html', chunks: [renderHtml(run)] };
  for (const p of renderBackendPages(run)) yield { name: p.name, chunks: [p.html] };
}

export const REPORTERS: Record<ReportFormat, Reporter> = {
  html: { fileName: 'index.html', render: renderHtml, files: htmlFiles, owns: (name) => name === 'index.html' || isBackendPage(name) },
  json: single('report.json', renderJson, jsonChunks),
  md: single('report.md', renderMarkdown),
  junit: single('junit.xml', renderJunit),
  csv: single('notes.csv', renderCsv, csvChunks),
  // OSCAL: assessment-results (main file) and the vendor profiles as a component-definition.
  oscal: {
    fileName: OSCAL_RESULTS_FILE,
    render: renderOscalAssessmentResults,
    files: oscalFiles,
    owns: (name) => name === OSCAL_RESULTS_FILE || name === OSCAL_COMPONENTS_FILE,
  },
  'compliance-csv': single('compliance.csv', renderComplianceCsv),
};

export { summaryTable, type SummaryTableOptions } from './terminal.ts';
