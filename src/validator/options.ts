import { z } from 'zod';
import { ruleSettingSchema } from '../engine/config.js';
import { RuleLoadError, zodIssues } from '../engine/errors.js';
import { presetSchema } from '../engine/rule-schema.js';
import type { ValidatorOptions } from './types.js';

const optionsSchema = z
  .strictObject({
    catalog: z
      .custom<object>((v) => v !== null && typeof v === 'object' && typeof (v as { forDate?: unknown }).forDate === 'function', {
        message: 'catalog must be a CodeSetCatalog (from loadCatalog)',
      })
      .optional(),
    data: z.string().min(1, 'data must be the path of a folder of release files').optional(),
    preset: presetSchema.optional(),
    rules: z.record(z.string(), ruleSettingSchema).optional(),
    rulePacks: z.array(z.union([z.string().min(1), z.record(z.string(), z.unknown())]), { error: 'rulePacks must be an array of paths or rule objects' }).optional(),
    builtinRules: z.boolean().optional(),
    tables: z.array(z.string().min(1)).optional(),
    only: z.array(z.string()).optional(),
    mode: z.enum(['compiled', 'fast', 'reference'], { error: 'mode must be "compiled", "fast" or "reference"' }).optional(),
  })
  .refine((o) => !(o.catalog && o.data), { message: 'give either catalog or data, not both', path: ['data'] });

/** Checks the options, throwing a RuleLoadError that names each bad option. */
export function checkOptions(options: unknown): ValidatorOptions {
  const parsed = optionsSchema.safeParse(options ?? {});
  if (!parsed.success) throw new RuleLoadError(zodIssues('options', parsed.error));
  return parsed.data as ValidatorOptions;
}
