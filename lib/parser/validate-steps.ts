/**
 * A summary validated in steps. On a page of a megabyte one `parse` of the summary is a long task of
 * its own (hundreds of faults and remedies, statutes cited in hundreds of paragraphs): here each
 * list's items are checked one by one with a checkpoint between them (steps.ts), then the rest of the
 * object in one go. The schema stays the one definition: items are checked with the element schema
 * of the schema's own list, the rest with the object schema itself (its lists given empty), so the
 * result is what one `schema.parse(value)` gives. A value that fails is parsed again whole, so the
 * error thrown is the one that parse throws.
 */
import type * as z from 'zod/mini';
import { checkpoint, type Steps } from './steps';

type Shape = Record<string, z.ZodMiniType>;

/** The element schema of a plain list field (no checks of its own, such as a maximum length), or null. */
function listElement(field: z.ZodMiniType): z.ZodMiniType | null {
  const def = field._zod.def as { type: string; element?: z.ZodMiniType; checks?: unknown[] };
  return def.type === 'array' && def.element && !def.checks?.length ? def.element : null;
}

export function* parseInSteps<T extends z.ZodMiniObject<Shape>>(schema: T, value: Record<string, unknown>): Steps<z.infer<T>> {
  const lists: Record<string, unknown[]> = {};
  const rest: Record<string, unknown> = { ...value };
  let checked = 0;
  try {
    for (const [key, field] of Object.entries(schema.shape)) {
      const element = listElement(field);
      const items = value[key];
      if (!element || !Array.isArray(items)) continue;
      const out: unknown[] = [];
      for (const item of items) {
        if (checkpoint(++checked)) yield;
        out.push(element.parse(item));
      }
      lists[key] = out;
      rest[key] = [];
    }
    return { ...schema.parse(rest), ...lists } as z.infer<T>;
  } catch {
    return schema.parse(value);
  }
}
