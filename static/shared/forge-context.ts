// The parts of `view.getContext()` the apps use, parsed: the host decides the shape, so nothing is taken on trust.
import { view } from '@forge/bridge';
import { z } from 'zod';

const IssueExtensionSchema = z.object({
  issue: z.object({ id: z.union([z.string(), z.number()]).transform(String), key: z.string() }),
  project: z.object({ key: z.string() }).optional(),
});

const ContextSchema = z.object({
  siteUrl: z.string().optional(),
  locale: z.string().optional(),
  timezone: z.string().optional(),
  extension: z.unknown().optional(),
});

export interface AppContext {
  /** e.g. https://example.atlassian.net; '' when the host did not say (links to issues are then relative) */
  siteUrl: string;
  locale: string;
  timeZone: string | undefined;
  issue: { id: string; key: string } | undefined;
}

export async function loadAppContext(): Promise<AppContext> {
  const context = ContextSchema.parse(await view.getContext());
  const extension = IssueExtensionSchema.safeParse(context.extension);
  return {
    siteUrl: (context.siteUrl ?? '').replace(/\/+$/, ''),
    locale: context.locale?.replace('_', '-') ?? 'en',
    timeZone: context.timezone,
    issue: extension.success ? extension.data.issue : undefined,
  };
}

export function issueUrl(siteUrl: string, issueKey: string): string {
  return `${siteUrl}/browse/${encodeURIComponent(issueKey)}`;
}
