// The daily request figure beside a TeamSupport instance, from the fields getSettings sends with each instance.
import { describe, expect, it } from '@jest/globals';
import type { InstanceView } from '../api';
import { requestUsageText } from './request-usage-text';

const view = (fields: Pick<InstanceView, 'requestsLast24h' | 'dailyRequestLimit'>) => fields;

describe('requestUsageText', () => {
  it('shows the metered figure against the limit, 5,000 when none is set', () => {
    expect(requestUsageText(view({ requestsLast24h: 1_234 }))).toEqual({
      text: 'TeamSupport requests in the last 24 h: 1,234 of 5,000',
      tone: 'normal',
    });
    expect(requestUsageText(view({ requestsLast24h: 12, dailyRequestLimit: 20_000 }))?.text).toBe(
      'TeamSupport requests in the last 24 h: 12 of 20,000',
    );
  });

  it('says when the pull runs less often', () => {
    expect(requestUsageText(view({ requestsLast24h: 4_500 }))).toEqual({
      text: 'TeamSupport requests in the last 24 h: 4,500 of 5,000; pulling every 15 minutes',
      tone: 'slowed',
    });
    expect(requestUsageText(view({ requestsLast24h: 4_900 }))?.tone).toBe('hourly');
  });

  it('shows nothing without a figure (a view just saved)', () => {
    expect(requestUsageText(view({}))).toBeUndefined();
  });
});
