// The copy-earlier-actions setting: both switches, their defaults, and documents stored before it existed.
import { parseConfigDocument } from './config-document';
import { copyEarlierActionsOf } from './copy-earlier-actions';
import { validateInstanceInput } from './instance-input';

const input = {
  kind: 'teamsupport',
  name: 'Support EU',
  baseUrl: 'https://app.na2.teamsupport.com',
  organizationId: '1234567',
  apiToken: '8f2c0d3e-1111-2222-3333-444455556666',
};

describe('copyEarlierActions: whether a ticket’s earlier actions reach the issue it joins', () => {
  it('takes both switches as set', () => {
    const result = validateInstanceInput(
      { ...input, copyEarlierActions: { onEscalation: false, onLink: true } },
      [],
    );
    expect(result).toMatchObject({
      ok: true,
      value: { copyEarlierActions: { onEscalation: false, onLink: true } },
    });
  });

  it('fills a switch left out with its default: on for escalation, off for linking', () => {
    const result = validateInstanceInput({ ...input, copyEarlierActions: { onLink: true } }, []);
    expect(result).toMatchObject({
      ok: true,
      value: { copyEarlierActions: { onEscalation: true, onLink: true } },
    });
  });

  it.each([
    [{ onEscalation: 'yes' }, 'copyEarlierActions.onEscalation', 'on escalation must be true or false'],
    [{ onLink: 1 }, 'copyEarlierActions.onLink', 'when linking must be true or false'],
  ])('refuses %p by field', (value, path, message) => {
    const result = validateInstanceInput({ ...input, copyEarlierActions: value }, []);
    expect(result).toEqual({ ok: false, issues: [{ path, message: expect.stringContaining(message) }] });
  });

  it('reads as the defaults when unset, in input and in documents stored before the setting existed', () => {
    const result = validateInstanceInput(input, []);
    if (!result.ok) throw new Error('expected success');
    expect(copyEarlierActionsOf(result.value)).toEqual({ onEscalation: true, onLink: false });
    const { apiToken: _token, ...settings } = input;
    const stored = {
      ...settings,
      id: 'inst-1',
      createdAt: '2024-05-01T10:00:00.000Z',
      updatedAt: '2024-05-01T10:00:00.000Z',
    };
    const document = parseConfigDocument({ version: 2, instances: [stored], brevoAccounts: [] });
    if (!document.ok) throw new Error('expected a readable document');
    const [instance] = document.value.instances;
    expect(instance && copyEarlierActionsOf(instance)).toEqual({ onEscalation: true, onLink: false });
  });
});
