// Where the Jira emulator's vendored OpenAPI document lives on disk.
import path from 'node:path';

// Atlassian's published Jira Cloud platform REST API v3 document, vendored unmodified (source, version and licence in
// sandbox/jira/contract/NOTICE.md). Resolving from this file keeps the emulator independent of the cwd; the Forge
// lint step (scripts/forge/lint.ts) reads the same file for the scopes each endpoint needs.
export const JIRA_SPEC_PATH = path.resolve(__dirname, 'contract/jira-platform-v3.openapi.json');
