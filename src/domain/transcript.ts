import { z } from 'zod';

/** An interpreter relaying the client speaks for her ("She says she wishes..."). */
export const SpeakerRole = z.enum(['therapist', 'client', 'interpreter', 'other']);
export type SpeakerRole = z.infer<typeof SpeakerRole>;

/** One speaker turn. `number` is what case.yaml `evidence` refers to (1-based, file order). */
export const Turn = z.object({
  number: z.number().int().positive(),
  speaker: z.string(),
  role: SpeakerRole,
  text: z.string(),
  /** Seconds from the start of the session, when the source had a timestamp. */
  startSeconds: z.number().nonnegative().optional(),
  /** 1-based line in the source file where the turn starts, for error messages. */
  line: z.number().int().positive(),
});
export type Turn = z.infer<typeof Turn>;

export const Transcript = z.object({
  source: z.string(),
  turns: z.array(Turn),
});
export type Transcript = z.infer<typeof Transcript>;
