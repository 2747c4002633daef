/**
 * Known defects of the published Jira OpenAPI document, corrected in memory (the vendored file is never edited).
 * Each entry must say why the live API differs from the file.
 */
export const SPEC_ERRATA: Record<string, { responses: Record<string, Record<string, unknown>> }> = {
  // The file declares a single RemoteIssueLink, but its own example (and the live API) returns an array of links
  // when no `globalId` is given; with `globalId` Jira returns the one matching link.
  getRemoteIssueLinks: {
    responses: {
      '200': {
        anyOf: [
          { type: 'array', items: { $ref: '#/components/schemas/RemoteIssueLink' } },
          { $ref: '#/components/schemas/RemoteIssueLink' },
        ],
      },
    },
  },
};
