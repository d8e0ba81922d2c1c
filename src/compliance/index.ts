export { checkVendor, checkVendors, complianceVerdict } from './check.ts';
export { complianceGateReasons, type ComplianceMode } from './gate.ts';
export { readChecklist, readVendorProfiles } from './load.ts';
export { checklistProblems, profileProblems } from './problems.ts';
export { vendorsForRun } from './select.ts';
