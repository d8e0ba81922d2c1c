// The clinical risk reader: rubrics/risk compiled once, then used to find risk in notes
// and transcripts. Everything else in this folder is its inside.
export { compileRiskRules, riskEngine, type RiskEngine, type RuleProblem } from './engine.ts';
export { checkExamples } from './examples.ts';
export { findRiskMentions } from './find.ts';
export { scanTranscript, type ScanMention, type ScanTurn } from './scan.ts';
export { meansIds, severityOfText } from './severity.ts';
export type { FindOptions, RiskMention, TextMode } from './types.ts';
