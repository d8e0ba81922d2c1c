import type { RunResult } from '../domain/run.ts';
import { renderCsv } from './csv.ts';
import { renderHtml } from './html.ts';
import { renderJson } from './json.ts';
import { renderJunit } from './junit.ts';
import { renderMarkdown } from './markdown.ts';

export const REPORT_FORMATS = ['html', 'json', 'md', 'junit', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface Reporter {
  /** Name of the file the report is written to inside the output folder. */
  fileName: string;
  /** Pure: the same run always renders the same string. */
  render: (run: RunResult) => string;
}

export const REPORTERS: Record<ReportFormat, Reporter> = {
  html: { fileName: 'index.html', render: renderHtml },
  json: { fileName: 'report.json', render: renderJson },
  md: { fileName: 'report.md', render: renderMarkdown },
  junit: { fileName: 'junit.xml', render: renderJunit },
  csv: { fileName: 'notes.csv', render: renderCsv },
};

export { summaryTable, type SummaryTableOptions } from './terminal.ts';
