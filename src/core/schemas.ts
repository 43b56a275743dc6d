import { z } from 'zod';
import { CONTRACT_VERSION, type ColumnSpec, type TableName } from './contract';
import { TABLES } from './tables';

export { countFinding } from './counts';

/**
 * The contract in zod: what a count cell may hold, the typed row of every table, and the JSON of
 * `cchc check --json` that other tools read. Only `check --json` and the tests load this module
 * (the command line imports it when --json is asked for).
 */

/**
 * A count: a whole number, zero or more. The row reader tests each figure with `countFinding`
 * (src/core/counts.ts), which gives this schema's answer without loading zod.
 */
export const countValue = z.number().int().nonnegative();

const percentValue = z.number().min(0).max(100);

function columnSchema(c: ColumnSpec) {
  switch (c.kind) {
    case 'text':
    case 'enum':
      return z.string().min(1).nullable();
    case 'count':
    case 'derivedCount':
      return countValue.nullable();
    case 'rate':
      return percentValue.nullable();
    case 'derivedRate':
      // A derived rate is computed, never stored beyond 100 % by a consistent row, but a row whose
      // parts contradict each other can produce more: the identities report that, not the schema.
      return z.number().nonnegative().nullable();
  }
}

/** The normalised row of each contract table: text columns by key, then figures by key. */
export const ROW_SCHEMAS = Object.fromEntries(
  TABLES.map((t) => [t.name, z.object(Object.fromEntries(t.columns.map((c) => [c.key, columnSchema(c).optional()])))]),
) as Record<TableName, z.ZodObject>;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const findingJson = z.object({
  code: z.string().regex(/^[a-z][a-z_]*$/),
  severity: z.enum(['error', 'warning', 'info']),
  sheet: z.string(),
  cell: z.string().regex(/^[A-Z]{1,3}\d+$/),
  message: z.string().min(1),
  expected: z.union([z.number(), z.string()]).optional(),
  actual: z.union([z.number(), z.string()]).optional(),
  related: z.array(z.string()).optional(),
});

/** `cchc check --json` (contract section 3); more fields are allowed. */
export const checkJson = z.object({
  contract: z.literal(CONTRACT_VERSION),
  file: z.string(),
  period: z.object({ kind: z.string(), year: z.number().int(), from: isoDate, to: isoDate, regime: z.string() }).nullable(),
  summary: z.object({ errors: z.number().int().nonnegative(), warnings: z.number().int().nonnegative(), infos: z.number().int().nonnegative() }),
  issues: z.array(findingJson),
  metrics: z.record(z.string(), z.number().nullable()),
  /** What was recognised: each table's place, header rows and columns, and where the report information was read. */
  recognized: z
    .object({
      tables: z.array(
        z.object({
          table: z.string(),
          title: z.string(),
          sheet: z.string(),
          range: z.string(),
          how: z.enum(['name', 'headers']),
          headerRows: z.string(),
          columns: z.array(z.object({ key: z.string(), header: z.string(), cell: z.string(), text: z.string() })),
          absent: z.array(z.string()),
          shares: z.array(z.object({ key: z.string(), header: z.string(), cell: z.string(), text: z.string() })).optional(),
          numberRow: z.number().int().optional(),
          totalRow: z.number().int().optional(),
          dataRows: z.number().int(),
          groupRows: z.number().int(),
        }),
      ),
      info: z.array(z.object({ name: z.string(), label: z.string(), sheet: z.string(), cell: z.string(), source: z.enum(['name', 'label', 'inline', 'title', 'header', 'sheet', 'file']), value: z.string(), from: z.string().optional() })),
    })
    .optional(),
});
export type CheckJson = z.infer<typeof checkJson>;
