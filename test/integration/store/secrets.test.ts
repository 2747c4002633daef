// Invariant 5: a token is written only to the secret store and never appears in a returned value, a log line or an
// error message. The scenario walks every path a token can travel and scans everything that comes back.
import { kvs } from '@forge/kvs';
import { withSecretScope } from '../../../src/lib/logger';
import { CONFIG_KEY, secretKey } from '../../../src/store';
import { allStrings, instanceInput, useStore } from './store-harness';

const TOKEN = 'ts-token-5f0c9a7e-0b1d-4e55-9c3a-7d2e8b6a1f44';
const NEW_TOKEN = 'ts-token-rotated-88d1c2b3';
const BASIC = Buffer.from(`1234567:${TOKEN}`).toString('base64');

describe('secrets never leave the store', () => {
  const ctx = useStore();

  // One invocation: tokens are registered for masking per invocation (lib/logger withSecretScope), as every handler runs.
  it(
    'keeps tokens out of every returned value, stored document, log line and error message',
    withSecretScope(async () => {
      const returned: unknown[] = [];
      const keep = <T>(value: T): T => {
        returned.push(value);
        return value;
      };
      const caught = async (call: () => Promise<unknown>): Promise<void> => {
        returned.push(await ctx.run(call).catch((error: unknown) => error));
      };
      const { store } = ctx;

      keep(await ctx.run(() => store.config.saveInstance(instanceInput({ apiToken: TOKEN }))));
      keep(await ctx.run(() => store.config.listInstanceViews()));
      keep(await ctx.run(() => store.config.read()));
      const { apiToken: _token, ...withoutToken } = instanceInput({ id: 'inst-1', active: true });
      keep(await ctx.run(() => store.config.saveInstance(withoutToken)));
      // invalid input that carries the token: the issues name fields, never values
      keep(
        await ctx.run(() =>
          store.config.saveInstance(instanceInput({ id: 'inst-1', apiToken: TOKEN, name: '' })),
        ),
      );
      keep(
        await ctx.run(() => store.config.saveInstance(instanceInput({ apiToken: TOKEN, apiTokn: TOKEN }))),
      );

      // the connector's path: the only place a token is handed out, and it is registered for masking on the way
      expect(await ctx.run(() => store.credentials.getToken('inst-1'))).toBe(TOKEN);

      // upstream errors quoting the credentials end up in the sync log, on links and in log lines
      await ctx.run(() =>
        store.links.create({
          instanceId: 'inst-1',
          ticketId: '1',
          ticketNumber: '1',
          issueId: '10',
          issueKey: 'A-1',
        }),
      );
      const upstream = `401 from TeamSupport for Authorization: Basic ${BASIC} (token ${TOKEN})`;
      keep(
        await ctx.run(() =>
          store.links.recordSync(
            { instanceId: 'inst-1', ticketId: '1', issueId: '10' },
            { at: new Date(), error: upstream },
          ),
        ),
      );
      keep(await ctx.run(() => store.links.listByIssue('10')));
      keep(
        await ctx.run(() =>
          store.syncLog.append({
            level: 'error',
            instanceId: 'inst-1',
            operation: 'test-connection',
            message: upstream,
          }),
        ),
      );
      keep(await ctx.run(() => store.syncLog.list({ instanceId: 'inst-1' })));

      // the service's own error text quoting the token never reaches a thrown error
      ctx.sandbox.kvs.failNext('RATE_LIMIT_EXCEEDED', 429, 1, `limit hit while reading ${TOKEN}`);
      await caught(() => store.credentials.getToken('inst-1'));
      ctx.sandbox.kvs.failNext('MAX_SIZE', 400, 1, `value ${TOKEN} too large`);
      await caught(() => store.config.saveInstance(instanceInput({ id: 'inst-1', apiToken: NEW_TOKEN })));

      // a rotated token is registered as soon as it is written
      keep(
        await ctx.run(() => store.config.saveInstance(instanceInput({ id: 'inst-1', apiToken: NEW_TOKEN }))),
      );
      keep(
        await ctx.run(() =>
          store.syncLog.append({ level: 'warn', instanceId: 'inst-1', operation: 'x', message: NEW_TOKEN }),
        ),
      );

      keep(await ctx.run(() => store.config.deleteInstance('inst-1')));
      expect(await ctx.run(() => kvs.getSecret(secretKey('inst-1')))).toBeUndefined();

      const everything = [...allStrings(returned), ctx.consoleText()].join('\n');
      for (const secret of [TOKEN, NEW_TOKEN, BASIC]) expect(everything).not.toContain(secret);
      expect(JSON.stringify(await ctx.run(() => kvs.get(CONFIG_KEY)))).not.toContain(TOKEN);
      // the scan is not vacuous: the scenario did return values and log lines
      expect(returned.length).toBeGreaterThan(10);
      expect(ctx.logLines().length).toBeGreaterThan(0);
    }),
  );
});
