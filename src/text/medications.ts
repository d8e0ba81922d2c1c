/**
 * Medications a perinatal mental-health note is likely to name: generic name → brand
 * names. A note naming one the transcript never mentions (under any of its names) is
 * a fabrication; the list is what makes that check possible without a drug database.
 */
export const MEDICATIONS: Readonly<Record<string, readonly string[]>> = {
  sertraline: ['zoloft'],
  fluoxetine: ['prozac'],
  escitalopram: ['lexapro'],
  citalopram: ['celexa'],
  paroxetine: ['paxil'],
  fluvoxamine: ['luvox'],
  venlafaxine: ['effexor'],
  desvenlafaxine: ['pristiq'],
  duloxetine: ['cymbalta'],
  bupropion: ['wellbutrin'],
  mirtazapine: ['remeron'],
  trazodone: ['desyrel'],
  amitriptyline: ['elavil'],
  nortriptyline: ['pamelor'],
  zuranolone: ['zurzuvae'],
  brexanolone: ['zulresso'],
  quetiapine: ['seroquel'],
  olanzapine: ['zyprexa'],
  aripiprazole: ['abilify'],
  risperidone: ['risperdal'],
  haloperidol: ['haldol'],
  lithium: ['lithobid'],
  lamotrigine: ['lamictal'],
  valproate: ['depakote', 'divalproex'],
  lorazepam: ['ativan'],
  clonazepam: ['klonopin'],
  alprazolam: ['xanax'],
  diazepam: ['valium'],
  hydroxyzine: ['vistaril', 'atarax'],
  buspirone: ['buspar'],
  propranolol: ['inderal'],
  prazosin: ['minipress'],
  gabapentin: ['neurontin'],
  zolpidem: ['ambien'],
  melatonin: [],
  doxylamine: ['unisom'],
  diphenhydramine: ['benadryl'],
  naltrexone: ['vivitrol'],
  buprenorphine: ['suboxone', 'subutex'],
  methadone: [],
  levothyroxine: ['synthroid'],
  ondansetron: ['zofran'],
  oxycodone: ['percocet', 'oxycontin'],
};

/** Every name (generic and brand) → its generic name. */
export const MEDICATION_NAMES: ReadonlyMap<string, string> = new Map(
  Object.entries(MEDICATIONS).flatMap(([generic, brands]) => [[generic, generic] as const, ...brands.map((b) => [b, generic] as const)]),
);
