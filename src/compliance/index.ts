export { checkVendor, checkVendors } from './check.ts';
export { readChecklist, readVendorProfiles } from './load.ts';
export { checklistProblems, profileProblems } from './problems.ts';
