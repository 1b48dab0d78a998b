import { z } from 'zod';
import { parseCodeRef } from '../../code/refs.js';

/**
 * The format of a guideline data table (`data/<id>.json`, or `data/` inside a rule pack):
 *
 * ```json
 * {
 *   "id": "first-listed-only",               // = the file name without .json
 *   "description": "what the list is",
 *   "citation": { "section": "I.C.21.c.16", "source": "…", "says": "…" },   // or a string
 *   "entries": [
 *     { "refs": ["Z00"], "except": ["Z00.6"], "citation": "I.C.21.c.16", "title": "…" }
 *   ]
 * }
 * ```
 *
 * `refs`/`except` hold code references as in the Tabular List ("Z23", "Z00.0-", "O00-O9A").
 * Where a list cannot be written as references (underdosing: T36–T50 with 6 as the 5th or 6th
 * character), an entry may give a `pattern` instead: a regular expression anchored with `^`,
 * tested against the undotted upper-case code, with a `patternText` saying it in words.
 * Every entry needs a citation: its own, or the table's. Other keys (title, note, severity,
 * age limits, …) are kept as the entry's `data` for fact providers to read.
 */

const refString = z.string().superRefine((text, ctx) => {
  if (!parseCodeRef(text)) {
    ctx.addIssue({ code: 'custom', message: `"${text}" is not a code, code-with-dash ("Z00.0-") or range ("O00-O9A")` });
  }
});

export const citationSchema = z.union([
  z.string().min(1, 'a citation may not be empty'),
  z.looseObject({ section: z.string().min(1, 'citation.section may not be empty') }),
]);

/**
 * Nested quantifiers ("(a+)+", "(a|b*)*") can backtrack catastrophically; tables are data, so
 * patterns that could hang the checker are refused.
 */
const NESTED_QUANTIFIER = /\((?:[^()\\]|\\.)*[+*](?:[^()\\]|\\.)*\)\s*[+*{]/;

const patternString = z
  .string()
  .max(200, 'a pattern may be at most 200 characters')
  .superRefine((text, ctx) => {
    if (!text.startsWith('^')) ctx.addIssue({ code: 'custom', message: 'a pattern must be anchored with "^"' });
    if (NESTED_QUANTIFIER.test(text)) ctx.addIssue({ code: 'custom', message: 'a pattern may not nest quantifiers like "(a+)+"' });
    try {
      new RegExp(text);
    } catch (err) {
      ctx.addIssue({ code: 'custom', message: `not a valid regular expression: ${(err as Error).message}` });
    }
  });

export const tableEntrySchema = z
  .looseObject({
    refs: z.array(refString).min(1, 'refs, when given, holds at least one code reference').optional(),
    pattern: patternString.optional(),
    except: z.array(refString).optional(),
    citation: citationSchema.optional(),
  })
  .refine((e) => e.refs !== undefined || e.pattern !== undefined, {
    message: 'an entry needs refs (code references) or a pattern',
    path: ['refs'],
  });

export const tableFileSchema = z
  .looseObject({
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'id must be kebab-case (e.g. "first-listed-only")'),
    description: z.string().min(1, 'description may not be empty'),
    citation: citationSchema.optional(),
    entries: z.array(tableEntrySchema).min(1, 'a table needs at least one entry'),
  })
  .superRefine((table, ctx) => {
    if (table.citation !== undefined) return;
    table.entries.forEach((entry, i) => {
      if (entry.citation === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['entries', i, 'citation'],
          message: 'every entry needs a citation (its own, or one for the whole table)',
        });
      }
    });
  });

export type TableFile = z.output<typeof tableFileSchema>;
