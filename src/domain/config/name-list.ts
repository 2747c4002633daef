// Settings that name a set of things ("all", or a non-empty list of action types, ticket types, …), so that an empty
// list can never silently mean "sync nothing".
import { z } from 'zod';
import { forEachDuplicate, nameKey } from './duplicates';
import { requiredText } from './text';

export const ALL = 'all';

/**
 * `'all'`, or an explicit non-empty list of names. An empty list would silently sync nothing, which is never what
 * an admin means; `'all'` is the way to say "no filter".
 */
export function allOrNames(what: { one: string; many: string }) {
  const names = z
    .array(
      requiredText({
        label: `The ${what.one}`,
        max: 255,
        blank: `Enter the ${what.one}, or remove this entry.`,
      }),
    )
    .min(1, `Choose at least one ${what.one}, or use "all" for every ${what.one}.`)
    .max(200, `Too many ${what.many}: choose at most 200, or use "all".`)
    .superRefine((list, ctx) => {
      forEachDuplicate(
        list,
        (name) => (name === '' ? undefined : nameKey(name)),
        (index) => {
          ctx.addIssue({
            code: 'custom',
            path: [index],
            message: `"${list[index] ?? ''}" is listed twice: list each ${what.one} once.`,
          });
        },
      );
    });
  return z.union([z.literal(ALL), names], { error: `Use "all" or a list of ${what.many}.` }).default(ALL);
}
