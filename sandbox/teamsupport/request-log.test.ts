// The TeamSupport emulator's request log keeps recent bodies and a bounded number of entries.
import { RequestLog } from './request-log';

function request(n: number) {
  return {
    at: new Date(0),
    method: 'POST',
    url: `/api/json/tickets/${n}/actions`,
    orgId: 1,
    status: 200,
    requestBody: `request ${n}`,
    responseBody: `response ${n}`,
    fault: false,
  };
}

describe('RequestLog', () => {
  it('keeps the bodies of the newest 200 entries and only the request line of older ones', () => {
    const log = new RequestLog();
    for (let n = 1; n <= 250; n++) log.add(request(n));
    const entries = log.list();
    expect(entries).toHaveLength(250);
    expect(entries[49]).toMatchObject({
      seq: 50,
      url: '/api/json/tickets/50/actions',
      requestBody: '',
      responseBody: '',
    });
    expect(entries[50]).toMatchObject({ seq: 51, requestBody: 'request 51', responseBody: 'response 51' });
    expect(entries[249]).toMatchObject({
      seq: 250,
      requestBody: 'request 250',
      responseBody: 'response 250',
    });
  });

  it('keeps the newest 5,000 entries', () => {
    const log = new RequestLog();
    for (let n = 1; n <= 5_100; n++) log.add(request(n));
    const entries = log.list();
    expect(entries).toHaveLength(5_000);
    expect(entries[0]?.seq).toBe(101);
    expect(entries.at(-1)?.seq).toBe(5_100);
  });
});
