import { z } from 'zod';

const EnvName = z.string().regex(/^[A-Z_][A-Z0-9_]*$/, 'an environment variable name such as VENDOR_KEY');
/** `data.note`, `choices[0].message.content`: dots and [index]. */
const JsonPath = z
  .string()
  .regex(/^[A-Za-z_$][\w$-]*(\[\d+\])*(\.[A-Za-z_$][\w$-]*(\[\d+\])*)*$/, 'a path like data.note or choices[0].message.content');

/**
 * The `kind: http` fields: a vendor's own REST API. Spread into the backend union in
 * config/schema.ts. The secret is named (auth.env), never written in the file.
 */
export const HttpBackendFields = {
  url: z.url(),
  method: z.enum(['POST', 'PUT']).default('POST'),
  /** Static, non-secret headers. */
  headers: z.record(z.string(), z.string()).default({}),
  auth: z
    .strictObject({
      header: z.string().min(1).default('Authorization'),
      env: EnvName,
      prefix: z.string().default('Bearer '),
    })
    .optional(),
  /**
   * Handlebars template of the JSON body; `{{json prompt}}` inserts a JSON string. Leave a
   * space before a closing brace (`{{json prompt}} }`): `}}}` is handlebars syntax.
   */
  body: z.string().min(1).default('{"prompt": {{json prompt}} }'),
  /** Where the note is in the (final) response. */
  notePath: JsonPath,
  /** Where the vendor's id for the response is, when it gives one. */
  idPath: JsonPath.optional(),
  /** Where token counts are in the response, for cost from `price`. */
  usagePaths: z.strictObject({ input: JsonPath.optional(), output: JsonPath.optional() }).optional(),
  /** Asynchronous vendors: submit, then poll a job URL until done. */
  poll: z
    .strictObject({
      /** Handlebars template over the submit response, e.g. "https://vendor.example/jobs/{{id}}". */
      url: z.string().min(1),
      statusPath: JsonPath,
      doneValues: z.array(z.string()).min(1).default(['done', 'completed', 'succeeded']),
      failedValues: z.array(z.string()).default(['failed', 'error', 'cancelled']),
      intervalMs: z.number().int().positive().default(1000),
      maxPolls: z.number().int().positive().default(120),
    })
    .optional(),
  /** A handlebars file replacing the bundled prompt (the `prompt` variable of `body`). */
  prompt: z.string().min(1).optional(),
};

export type HttpBackendConfig = z.infer<z.ZodObject<typeof HttpBackendFields>> & { id: string };
