// How a job's items and its failures become the job's result.
import { IntegrationError } from '../lib/errors';
import { resultOfItems, retryAfter, TRY_AGAIN_LATER } from './job-result';

describe('resultOfItems', () => {
  it('is done when every item was sent, skipped or failed (failures are logged with their own Retry)', () => {
    expect(resultOfItems(['sent', 'skipped', 'failed'])).toEqual({ status: 'done' });
    expect(resultOfItems([])).toEqual({ status: 'done' });
  });

  it('comes back as a whole when any item failed transiently', () => {
    expect(resultOfItems(['sent', 'transient', 'failed'])).toEqual({
      status: 'retry',
      reason: TRY_AGAIN_LATER,
    });
  });
});

describe('retryAfter', () => {
  it('waits as long as the other side asked, when it said', () => {
    const limited = new IntegrationError('rate-limited', 'Too many requests', {
      system: 'brevo',
      retryAfterMs: 4_000,
    });
    expect(retryAfter(limited)).toEqual({
      status: 'retry',
      reason: 'Too many requests',
      retryAfterMs: 4_000,
    });
  });

  it('leaves the wait to the back-off otherwise', () => {
    expect(retryAfter(new IntegrationError('transient', 'Timed out', { system: 'jira' }))).toEqual({
      status: 'retry',
      reason: 'Timed out',
    });
  });
});
