// The organization's 24-hour TeamSupport request limit setting: its range and its default.
import { parseConfigDocument } from './config-document';
import { validateInstanceInput } from './instance-input';
import { dailyRequestLimitOf, DEFAULT_DAILY_REQUEST_LIMIT } from './teamsupport-settings';

const input = {
  kind: 'teamsupport',
  name: 'Support EU',
  baseUrl: 'https://app.na2.teamsupport.com',
  organizationId: '1234567',
  apiToken: '8f2c0d3e-1111-2222-3333-444455556666',
};

describe('dailyRequestLimit: the organization’s 24-hour TeamSupport limit', () => {
  it('takes a whole number from 100 to 1,000,000', () => {
    for (const limit of [100, 5_000, 1_000_000]) {
      const result = validateInstanceInput({ ...input, dailyRequestLimit: limit }, []);
      expect(result).toMatchObject({ ok: true, value: { dailyRequestLimit: limit } });
    }
  });

  it.each([99, 1_000_001, 2_500.5, '5000', null, -1])('refuses %p by field', (limit) => {
    const result = validateInstanceInput({ ...input, dailyRequestLimit: limit }, []);
    expect(result).toEqual({
      ok: false,
      issues: [
        {
          path: 'dailyRequestLimit',
          message: expect.stringContaining(
            'TeamSupport requests a day must be a whole number from 100 to 1,000,000',
          ),
        },
      ],
    });
  });

  it('reads as 5,000 when unset, in input and in documents stored before the setting existed', () => {
    const result = validateInstanceInput(input, []);
    if (!result.ok) throw new Error('expected success');
    expect(result.value.dailyRequestLimit).toBeUndefined();
    expect(dailyRequestLimitOf(result.value)).toBe(DEFAULT_DAILY_REQUEST_LIMIT);
    expect(DEFAULT_DAILY_REQUEST_LIMIT).toBe(5_000);
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
    expect(instance && dailyRequestLimitOf(instance)).toBe(5_000);
  });
});
