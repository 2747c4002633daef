// exportState() / startBrevoEmulator({ state }): the data comes back as it was, and damaged bytes fail loudly.
import { startBrevoEmulator } from './emulator';
import { ApiClient, startFrozen } from './brevo.test-support';

it('restores accounts, lists, attributes, contacts and events, and goes on numbering after them', async () => {
  const first = await startFrozen({ appAttributes: true });
  const api = ApiClient.for(first);
  first.account().addList({ name: 'Extra' });
  await api.post('/contacts', { email: 'jane@example.com', attributes: { FIRSTNAME: 'Jane' }, listIds: [3] });
  await api.post('/events', {
    event_name: 'jira_issue_created',
    identifiers: { email_id: 'jane@example.com' },
    event_properties: { issue_key: 'SUP-1', nested: { a: [1, 2] } },
  });
  const saved = first.exportState();
  const before = {
    lists: first.account().lists(),
    attributes: first.account().attributes(),
    contacts: first.account().contacts(),
    events: first.account().events(),
  };
  await first.close();

  const second = await startBrevoEmulator({ state: saved });
  const account = second.account();
  expect({
    lists: account.lists(),
    attributes: account.attributes(),
    contacts: account.contacts(),
    events: account.events(),
  }).toEqual(before);
  expect(account.contact('JANE@example.com')?.id).toBe(before.contacts[0]?.id);
  expect(account.addList({ name: 'Next' }).id).toBe(6);
  expect((await ApiClient.for(second).get('/account')).status).toBe(200);
  await second.close();
});

it('refuses bytes that are not a saved Brevo state', async () => {
  await expect(startBrevoEmulator({ state: Buffer.from('nonsense') })).rejects.toThrow(
    /^The saved Brevo emulator state is unreadable .*Start with --reset/,
  );
});
