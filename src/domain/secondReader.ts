import { z } from 'zod';

/**
 * The second reader: a logistic model over the words a client used and the question she
 * answers, trained on the labelled language sets (npm run train:risk) and stored as data in
 * rubrics/risk/second-reader.json. It reads client speech only, after the rules, to ask
 * one question: is this current suicidal ideation? Rules stay the first reader and the
 * explanation; the model adds what their wording misses and says how sure a mention is.
 * It never removes a mention and never makes a confident call of its own: what it adds is
 * marked low confidence ("read it"), and a rule's mention it doubts is lowered to low. Every
 * confident mention still rests on a rule a clinician can read.
 */
export const SecondReaderModel = z.strictObject({
  version: z.literal(1),
  /** Which labelled sets it was trained on, and how: so a figure can say what it saw. */
  trainedOn: z.array(z.string()).min(1),
  training: z.strictObject({ epochs: z.number().int().positive(), learningRate: z.number().positive(), l2: z.number().nonnegative() }),
  thresholds: z.strictObject({
    /** At or above, where no rule found current SI: flagged at low confidence. */
    flag: z.number().min(0).max(1),
    /**
     * At or above, where a rule read the risk as not current (denied, past, conditional,
     * someone else's): flagged as current at low confidence all the same.
     */
    overrule: z.number().min(0).max(1),
    /** Below: a rule's current-SI mention is kept but marked low confidence. */
    doubt: z.number().min(0).max(1),
  }),
  /** Feature → weight; `bias` is the intercept. Features are described in src/text/risk/secondReader.ts. */
  weights: z.record(z.string(), z.number()),
});
export type SecondReaderModel = z.infer<typeof SecondReaderModel>;
