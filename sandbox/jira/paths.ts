import path from 'node:path';

// The repo's parent folder holds `shared/`; resolving from this file keeps the emulator independent of the cwd.
export const JIRA_SPEC_PATH = path.resolve(__dirname, '../../../shared/specs/jira-platform-v3.openapi.json');
