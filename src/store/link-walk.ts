// An instance's links in the order they were made (the `by-instance` index of the `link` entity, ranged by
// `linkedAt`), from a point that can be stored between invocations: query cursors cannot be (docs/forge-platform.md
// §3.2). A page starts at the point's `linkedAt` (inclusive) and skips the links at exactly that time already done,
// so links made in the same millisecond are neither skipped nor done twice. Only what the repair needs is read from
// each link: the issue it joins.
import { kvs, Sort, WhereConditions } from '@forge/kvs';
import { z } from 'zod';
import type { Logger } from '../lib/logger';
import type { LinkWalk, LinkWalkPage, LinkWalkPoint } from '../sync/links-repair/run';
import { fetchPage, MAX_PAGE_SIZE, type PageQuery } from './entity-pages';
import { Timestamp } from './time';

const WalkedLinkSchema = z.looseObject({ issueId: z.string().min(1), linkedAt: Timestamp });

function query(instanceId: string, from: LinkWalkPoint | null): PageQuery {
  return (cursor) => {
    const index = kvs
      .entity<unknown>('link')
      .query()
      .index('by-instance', { partition: [instanceId] });
    const ranged = from === null ? index : index.where(WhereConditions.greaterThanEqualTo(from.linkedAt));
    const builder = ranged.sort(Sort.ASC).limit(MAX_PAGE_SIZE);
    return (cursor === undefined ? builder : builder.cursor(cursor)).getMany();
  };
}

export class KvsLinkWalk implements LinkWalk {
  constructor(private readonly logger: Logger) {}

  async page(instanceId: string, from: LinkWalkPoint | null): Promise<LinkWalkPage> {
    const done = new Set(from?.keys ?? []);
    let cursor: string | undefined;
    // A page can hold only links done already (many made in one millisecond): read on within the invocation.
    for (;;) {
      const page = await fetchPage('walking the links of an instance', query(instanceId, from), cursor);
      const fresh = page.results.flatMap(({ key, value }) => {
        const link = WalkedLinkSchema.safeParse(value);
        if (!link.success) {
          this.logger.warn('Skipped a corrupt link record', { key });
          return [];
        }
        return link.data.linkedAt === from?.linkedAt && done.has(key) ? [] : [{ key, ...link.data }];
      });
      cursor = page.cursor;
      const last = fresh.at(-1);
      if (last === undefined) {
        if (cursor !== undefined) continue;
        return { issueIds: [], next: from ?? undefined, done: true };
      }
      const atLast = fresh.filter((link) => link.linkedAt === last.linkedAt).map((link) => link.key);
      const keys = last.linkedAt === from?.linkedAt ? [...done, ...atLast] : atLast;
      return {
        issueIds: fresh.map((link) => link.issueId),
        next: { linkedAt: last.linkedAt, keys },
        done: cursor === undefined,
      };
    }
  }
}
