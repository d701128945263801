/**
 * The shape of a Pulumi project file (`Pulumi.yaml`) as the Pulumi CLI accepts it, written for this repository from
 * Pulumi's project file reference (the CLI validates every `Pulumi.yaml` it loads against its own JSON schema, which
 * is not copied here). Where the CLI closes a section, so does this: `runtime` as an object, typed config
 * declarations, and the `template` section (`description`, `quickstart`, `important`, `config`; a CLI that does not
 * know a key there refuses the file, so keys added in later CLIs, such as `displayName` or `metadata`, are refused
 * here too). Two rules are stricter than the CLI, to catch mistakes it would let through: a template prompt has only
 * `description`, `default` and `secret`, and its default is a string (the CLI's and the SDK's template types hold
 * defaults as strings).
 */
import { z } from "zod";

const optionalText = z.string().nullish();

/** `string`, `integer`, `boolean` or `array` (with `items`, recursively). */
const configItems: z.ZodType<unknown> = z.lazy(() =>
  z
    .strictObject({ type: z.enum(["string", "integer", "boolean", "array"]), items: configItems.optional() })
    .refine((t) => t.type !== "array" || t.items !== undefined, "an array type needs `items`"),
);

const configDeclaration = z
  .strictObject({
    type: z.enum(["string", "integer", "boolean", "array"]).optional(),
    items: configItems.optional(),
    description: z.string().optional(),
    secret: z.boolean().optional(),
    default: z.unknown().optional(),
    value: z.unknown().optional(),
  })
  .refine((d) => d.type !== "array" || d.items !== undefined, "an array type needs `items`");

/** A `template.config` entry: what `pulumi new` prompts for. */
const templatePrompt = z.strictObject({
  description: z.string().min(1),
  default: z.string().optional(),
  secret: z.boolean().optional(),
});

/** A Pulumi project file. */
export const projectFileSchema = z.looseObject({
  name: z
    .string()
    .regex(/^[A-Za-z0-9_.-]+$/, "letters, digits, hyphens, underscores and periods only")
    .min(1),
  runtime: z.union([
    z.string().min(1),
    z.strictObject({ name: z.string().min(1), options: z.record(z.string(), z.unknown()).optional() }),
  ]),
  description: optionalText,
  author: optionalText,
  website: optionalText,
  license: optionalText,
  main: optionalText,
  stackConfigDir: optionalText,
  config: z
    .record(z.string(), z.union([z.string(), z.number().int(), z.boolean(), z.array(z.unknown()), configDeclaration]))
    .nullish(),
  backend: z.strictObject({ url: z.string().optional() }).nullish(),
  options: z.strictObject({ refresh: z.literal("always").optional() }).nullish(),
  template: z
    .strictObject({
      description: optionalText,
      quickstart: optionalText,
      important: z.boolean().nullish(),
      config: z.record(z.string(), templatePrompt).nullish(),
    })
    .nullish(),
});

/** A parsed project file. */
export type ProjectFile = z.infer<typeof projectFileSchema>;

/** The problems with a parsed `Pulumi.yaml` (empty when it is valid), one `path: message` each. */
export function projectFileProblems(parsed: unknown): string[] {
  const result = projectFileSchema.safeParse(parsed);
  if (result.success) return [];
  return result.error.issues.map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`);
}
