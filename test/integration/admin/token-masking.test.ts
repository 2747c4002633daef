// Tokens are masked per invocation by whole-token match (issue 20): a message that merely contains the letters of a
// token reads as written, and a token that does appear in a TeamSupport answer never reaches the admin page or the
// app's console output.
import { createWorld, dataOf, type World } from '../world';
import { checksSchema, currentSettings, savedSchema } from './admin-harness';

describe('token masking on the admin page', () => {
  let world: World;

  afterEach(async () => {
    await world.close();
  });

  const appOutput = () =>
    world.sandbox
      .appLogs()
      .map((entry) => JSON.stringify(entry.data))
      .join('\n');

  it('keeps the words around a replaced token readable', async () => {
    world = await createWorld();
    // A wrong token that is the start of a word of the answer: substring masking made it "[REDACTED]ort rejected…".
    const settings = await currentSettings(world);
    dataOf(
      await world.admin('saveInstance', { instance: { ...settings, apiToken: 'TeamSupp' } }),
      savedSchema,
    );

    const { checks } = dataOf(await world.admin('testConnection', { id: world.instanceId }), checksSchema);

    const credentials = checks.find((check) => check.name === 'Credentials accepted');
    expect(credentials?.message).toMatch(
      /^TeamSupport rejected the credentials for organization \d+: check the /,
    );
    expect(credentials?.message).toContain('and the API token (Admin');
    expect(JSON.stringify(checks)).not.toContain('[REDACTED]');
  });

  it('never shows or logs a token that TeamSupport echoes back', async () => {
    world = await createWorld();
    const token = world.org.apiToken;
    world.ts.failNext(1, { status: 403, body: `Token ${token} may not read ticket types` });

    const answer = await world.admin('testConnection', { id: world.instanceId });

    const { checks } = dataOf(answer, checksSchema);
    expect(checks.find((check) => !check.ok)?.message).toMatch(
      /\(HTTP 403\): Token \S+ may not read ticket types$/,
    );
    expect(JSON.stringify(answer)).not.toContain(token);
    expect(appOutput()).not.toContain(token);
  });

  it('refuses a token shorter than 8 characters at save time, with what to do', async () => {
    world = await createWorld();
    const settings = await currentSettings(world);
    const answer = await world.admin('saveInstance', { instance: { ...settings, apiToken: 'tok' } });
    expect(answer).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        details: {
          issues: [
            {
              path: 'apiToken',
              message: expect.stringMatching(
                /^API token is too short \(under 8 characters\): copy the whole token/,
              ),
            },
          ],
        },
      },
    });
  });
});
