// Tests read the project's own rubrics/risk, as the CLI does: the rules are the subject under test.
import { DEFAULTS } from '../config/paths.ts';
import { readRiskRules } from '../config/riskRules.ts';
import { riskEngine, type RiskEngine } from '../text/risk/engine.ts';

export const projectRules = await readRiskRules(DEFAULTS.riskRules);
export const engine: RiskEngine = riskEngine(projectRules);
