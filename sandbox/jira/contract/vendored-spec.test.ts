// The Jira OpenAPI document is vendored byte for byte (sandbox/jira/contract/NOTICE.md): corrections belong in
// contract/errata.ts, and an update replaces the file and the NOTICE's table together.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { JIRA_SPEC_PATH } from '../paths';

const notice = fs.readFileSync(path.join(path.dirname(JIRA_SPEC_PATH), 'NOTICE.md'), 'utf8');

describe('the vendored Jira OpenAPI document', () => {
  it('lives in the repository and is the file NOTICE.md describes', () => {
    const bytes = fs.readFileSync(JIRA_SPEC_PATH);
    const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
    expect(notice).toContain(`\`${sha256}\``);
    const info = (
      JSON.parse(bytes.toString('utf8')) as { info: { version: string; license: { name: string } } }
    ).info;
    expect(notice).toContain(`\`${info.version}\``);
    expect(info.license.name).toBe('Apache 2.0');
  });
});
