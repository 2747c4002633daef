// zod schemas of the Jira REST v3 responses the app reads (shapes from Atlassian's OpenAPI document, vendored in
// sandbox/jira/contract/jira-platform-v3.openapi.json).
// Lenient where Jira adds fields, strict where a wrong guess would leak or lose data.
import { z } from 'zod';
import type { CommentVisibility } from '../domain/jira';

const userSchema = z.looseObject({ accountId: z.string().optional(), displayName: z.string().optional() });

// A visibility we cannot read is treated as restricted (invariant 3), never as public.
const UNREADABLE_VISIBILITY: CommentVisibility = { type: 'unknown', value: 'unreadable visibility' };
function readVisibility(raw: unknown): CommentVisibility | null {
  if (raw === undefined || raw === null) return null;
  const parsed = z
    .looseObject({ type: z.string(), value: z.string().optional(), identifier: z.string().optional() })
    .safeParse(raw);
  if (!parsed.success) return UNREADABLE_VISIBILITY;
  return { type: parsed.data.type, value: parsed.data.value ?? parsed.data.identifier ?? '' };
}
const visibilitySchema = z.unknown().transform(readVisibility);

const entityPropertySchema = z.object({ key: z.string(), value: z.unknown() });

export const commentSchema = z.looseObject({
  id: z.string(),
  author: userSchema.optional(),
  body: z.unknown(),
  created: z.string(),
  updated: z.string(),
  // An absent key means visible to everyone who can see the issue.
  visibility: visibilitySchema.optional(),
  jsdPublic: z.boolean().optional(),
  properties: z.array(entityPropertySchema).optional(),
});

export const createdCommentSchema = z.looseObject({ id: z.string() });

const namedSchema = z.looseObject({ id: z.string(), name: z.string() });

export const issueSchema = z.looseObject({
  id: z.string(),
  key: z.string(),
  fields: z.looseObject({
    summary: z.string().optional(),
    status: namedSchema.optional(),
    issuetype: namedSchema.optional(),
    project: z.looseObject({ id: z.string(), key: z.string() }).optional(),
    security: z.looseObject({ name: z.string().optional(), id: z.string().optional() }).nullable().optional(),
  }),
});

export const fieldSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  custom: z.boolean().optional(),
  schema: z.looseObject({ type: z.string().optional(), items: z.string().optional() }).optional(),
});
export const fieldListSchema = z.array(fieldSchema);

export const createdIssueSchema = z.looseObject({ id: z.string(), key: z.string() });

export const createMetaIssueTypesSchema = z.looseObject({
  issueTypes: z.array(namedSchema).optional(),
  createMetaIssueType: z.array(namedSchema).optional(),
  total: z.number().optional(),
  startAt: z.number().optional(),
  maxResults: z.number().optional(),
});

export const createMetaFieldsSchema = z.looseObject({
  fields: z
    .array(
      z.looseObject({
        fieldId: z.string(),
        key: z.string().optional(),
        name: z.string(),
        required: z.boolean(),
        hasDefaultValue: z.boolean().optional(),
        schema: z.looseObject({ type: z.string().optional(), items: z.string().optional() }).optional(),
        allowedValues: z
          .array(
            z.looseObject({
              id: z.string().optional(),
              value: z.string().optional(),
              name: z.string().optional(),
            }),
          )
          .optional(),
      }),
    )
    .optional(),
  results: z.array(z.unknown()).optional(),
  total: z.number().optional(),
  startAt: z.number().optional(),
  maxResults: z.number().optional(),
});

export const remoteLinkListSchema = z.array(
  z.looseObject({
    id: z.number(),
    globalId: z.string().optional(),
    object: z.looseObject({ url: z.string().optional(), title: z.string().optional() }).optional(),
  }),
);

export const statusListSchema = z.array(namedSchema);

export const issueTypeListSchema = z.array(namedSchema);

export const permissionsSchema = z.looseObject({
  permissions: z.record(z.string(), z.looseObject({ havePermission: z.boolean().optional() })),
});

export const projectSchema = z.looseObject({ id: z.string(), key: z.string(), name: z.string().optional() });

export const projectSearchSchema = z.looseObject({
  values: z.array(projectSchema),
  isLast: z.boolean().optional(),
  nextPage: z.string().optional(),
});

export const commentPageSchema = z.looseObject({
  comments: z.array(commentSchema),
  startAt: z.number().optional(),
  maxResults: z.number().optional(),
  total: z.number().optional(),
});

/** POST /rest/api/3/search/jql (enhanced search): pages carry `nextPageToken`, never a total. */
export const issueSearchSchema = z.looseObject({
  issues: z.array(z.looseObject({ id: z.string(), key: z.string() })),
  nextPageToken: z.string().optional(),
});

/** POST /rest/api/3/search/jql with fields: the issues parsed as GET issue's are (issueSchema). */
export const issueFieldsSearchSchema = z.looseObject({
  issues: z.array(issueSchema),
  nextPageToken: z.string().optional(),
});

/** POST /rest/api/3/search/approximate-count (JQLCountResultsBean). */
export const issueCountSchema = z.looseObject({ count: z.number().int().nonnegative() });

/** GET /rest/api/3/user/assignable/search: a bare array of users, no paging envelope. */
export const assignableUserListSchema = z.array(
  z.looseObject({ accountId: z.string(), displayName: z.string().optional() }),
);

/** GET /rest/api/3/user: `emailAddress` is absent when the user's privacy settings hide it. */
export const jiraUserSchema = z.looseObject({
  accountId: z.string(),
  displayName: z.string().optional(),
  emailAddress: z.email().optional(),
});

/** GET /rest/api/3/issue/{id}/changelog (PageBeanChangelog): `fromString` / `toString` are the values as shown. */
export const changelogPageSchema = z.looseObject({
  values: z.array(
    z.looseObject({
      id: z.string(),
      created: z.string(),
      items: z
        .array(
          z.looseObject({
            field: z.string(),
            fieldId: z.string().optional(),
            fromString: z.string().nullish(),
            toString: z.string().nullish(),
          }),
        )
        .catch([]),
    }),
  ),
  startAt: z.number().optional(),
  maxResults: z.number().optional(),
  total: z.number().optional(),
  isLast: z.boolean().optional(),
});

/** GET /rest/api/3/project/{key}: the lead, when Jira names one (expanded by default on this operation). */
export const projectLeadSchema = z.looseObject({
  key: z.string(),
  lead: z.looseObject({ accountId: z.string() }).optional(),
});

/** GET /rest/api/3/serverInfo: the site's base URL, for links to issues. */
export const serverInfoSchema = z.looseObject({ baseUrl: z.url() });

/**
 * The answer of POST /rest/api/3/expression/evaluate to the comment-for-sync expression (jira/comment-expression.ts):
 * the issue's key and security, and the comment when the app can see it (at most one). Strict where privacy is
 * decided: an answer that does not state `secured` or a comment's `visibility` is not understood (the adapter then
 * reads the comment and the issue over REST instead), never taken for public.
 */
export const commentForSyncAnswerSchema = z.looseObject({
  value: z.looseObject({
    key: z.string(),
    secured: z.boolean(),
    securityLevel: z.string().nullable().optional(),
    comments: z
      .array(
        z.looseObject({
          id: z.union([z.number(), z.string()]).transform(String),
          accountId: z.string().nullable().optional(),
          displayName: z.string().nullable().optional(),
          // Rich text comes back as the ADF document Jira stores (docs/jira-limits.md, "Jira expressions").
          body: z.looseObject({ type: z.literal('doc'), content: z.array(z.unknown()) }),
          created: z.string(),
          updated: z.string(),
          visibility: z
            .custom<unknown>((raw) => raw !== undefined, 'the answer does not state the visibility')
            .transform(readVisibility),
          jsm: z.unknown(),
          app: z.unknown(),
        }),
      )
      .max(1),
  }),
});
