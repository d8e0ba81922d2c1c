#!/usr/bin/env -S node --max-old-space-size=1024
// Launcher: registers tsx so the TypeScript sources run as they are (no build
// step between `npm ci` and `npx scribe-audit run`), then hands over to the CLI.
// The heap cap on the line above is there because V8 sizes its heap from the
// machine, not from what the run keeps alive: on a 24 GiB runner a 10,000-note run
// (about 150 MB live) grew to 550 MB resident, and to 390 MB under this cap, in the
// same time. 1 GB is about six times the live heap of such a run. Command-line
// flags win over NODE_OPTIONS, so for a bigger cap run
// `node --max-old-space-size=4096 bin/scribe-audit.js ...` (see README, "Memory").
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv);
