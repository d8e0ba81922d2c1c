import { pattern } from './build.ts';

// Phrases that look like risk but are not: idioms, media, training, pain in labour.
// A lexicon match that overlaps one of these is dropped.
export const EXCLUSIONS: readonly RegExp[] = [
  // Idioms of exhaustion and exaggeration.
  `(?:is|are|was|were|'s|'re) killing me`,
  `kill(?:ing)? for (?:a|an|some|the|one)`,
  `kill(?:ing)? (?:time|two birds)`,
  `killing it`,
  `(?:could|would|'d) (?:just )?(?:die|have died) (?:of|from) (?:embarrassment|shame|laughter|laughing|happiness|boredom|exhaustion)`,
  `(?:die|died|dying|dead) (?:of |from )?(?:laughing|laughter|embarrassment|boredom)`,
  `dying to (?:see|meet|know|get|try|go|hear|tell|sleep|eat|have)`,
  `to die for`,
  `dead (?:tired|on my feet|to the world|asleep|serious|set|beat|exhausted|weight)`,
  `(?:bored|scared|worried|frightened|freezing|starving|tickled) (?:me )?to death`,
  `over my dead body`,
  `(?<!(?:scared|afraid|terrified|worried|fear|fears|thought|thoughts|think|thinking|if|worry) (?:that )?(?:i|she) )could (?:just |seriously |literally )?(?:kill|murder|strangle) (?:him|her|them|you)`,
  `(?:gonna|going to|i'll|i will) (?:kill|murder|strangle) (?:him|her|them|you) (?:if|when|for)`,
  `kill(?:ing)? (?:my|her)self (?:laughing|for (?:forgetting|being|not|that|this|missing|doing|saying))`,
  `shoot(?:ing)? (?:my|her|him)self in the foot`,
  `(?:instead of|rather than|without) \\w+ing (?:him|her|them|the baby|my \\w+)`,
  // Media, training and services: talk about suicide is not suicidal ideation.
  `(?:show|movie|film|documentary|book|novel|podcast|article|episode|series|song|story|news|video|tiktok|post|play|lecture|webinar|class) (?:\\S+ ){0,4}?about (?:\\S+ ){0,2}?(?:suicide|suicidal|self[- ]?harm|killing (?:her|him|them)sel(?:f|ves)|overdos\\w+|psychosis|hearing voices|domestic violence)`,
  `suicide (?:prevention|awareness|hotline|hot line|lifeline|crisis line|line|risk assessment|risk screen\\w*|risk|screen(?:er|ing)?|training|squad|bomb\\w*|rates?|statistics|watch|survivors? group|loss survivors?)`,
  `(?:suicide|suicidal|self[- ]?harm|psychosis|overdose) (?:\\S+ )?(?:prevention|awareness|training|course|module|workshop|protocol|policy)`,
  `13 reasons why`,
  `(?:crisis|988|suicide and crisis) (?:line|lifeline)`,
  // Medication adherence is not a method.
  `(?:taking|take|took) all (?:of )?(?:my|her|the) (?:\\w+ )?(?:pills|meds|medications?|tablets) (?:as prescribed|on time|every day|daily|regularly|like i'?m supposed|today|this morning|yesterday)`,
  // Everyday uses of clinical words.
  `(?:drinking|drinks|drank|drink) (?:\\S+ ){0,3}?(?:water|milk|formula|coffee|tea|juice|fluids|smoothies?|oz|ounces|electrolytes|gatorade|bottles? of (?:milk|formula))`,
  `(?:paranoid|psychotic) about (?:germs|sids|her breathing|him breathing|the baby breathing|cleanliness)`,
].map((s) => pattern(s));

// Pain in labour ("I thought I'd die pushing") is not a wish to die.
export const BIRTH_PAIN = pattern(
  `(?:during|in|through|throughout|while|from|at|with the)(?: i was)?(?: in)? (?:the |my )?(?:labou?r|pushing|contractions?|delivery|transition|c-?section|the birth|birth|epidural|induction)`,
);
export const DIE_WORDS = /\b(?:die|died|dying|dead|death)\b/;
