/** What the runner reports as it goes; the CLI turns these into progress lines. */
export type RunEvent =
  | { kind: 'start'; total: number }
  | { kind: 'item'; done: number; total: number; failed: number; backendId: string; caseId: string; sample: number; ok: boolean }
  | { kind: 'phase'; message: string }
  | { kind: 'retry'; backendId: string; caseId: string; sample: number; attempt: number; delayMs: number; reason: string };

export type RunEventSink = (event: RunEvent) => void;
