export { parseAnyTranscript, detectTranscriptFormat, type TranscriptFormat } from './anyTranscript.ts';
export { globToRegExp, readCase, readCases } from './caseFolder.ts';
export { loadCaseFolder, TRANSCRIPT_NAMES, type LoadedFolder } from './caseLoad.ts';
export { checkCaseRules, referenceProblems, type CaseRuleContext } from './caseRules.ts';
export { roleFor, TurnStartPolicy, type SpeakerMap } from './speakers.ts';
export { closest } from '../input/suggest.ts';
export { parseSrt } from './srt.ts';
export { parseTranscript, type TranscriptResult } from './transcript.ts';
export { parseWebVtt } from './vtt.ts';
export {
  formatPath,
  lineOfPath,
  nearestLineOfPath,
  parseYamlSource,
  parseYamlWithSchema,
  validateYamlSource,
  type Parsed,
  type YamlPath,
  type YamlSource,
} from '../input/yamlSource.ts';
