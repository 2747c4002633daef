// The stored instance record: built without the token, timestamps kept, later settings filled with defaults.
import { validateInstanceInput, type ValidInstanceInput } from './instance-input';
import {
  InstanceViewSchema,
  StoredInstanceSchema,
  toInstanceView,
  toStoredInstance,
} from './stored-instance';

const TOKEN = 'do-not-store-3c1e9a7b';

function validInput(patch: Record<string, unknown> = {}): ValidInstanceInput {
  const result = validateInstanceInput(
    {
      kind: 'teamsupport',
      name: 'Support EU',
      baseUrl: 'https://app.na2.teamsupport.com',
      organizationId: '1234567',
      apiToken: TOKEN,
      ...patch,
    },
    [],
  );
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

const created = new Date('2024-05-01T10:00:00.000Z');
const later = new Date('2024-06-02T11:30:00.000Z');

describe('toStoredInstance', () => {
  it('builds a valid stored record without the token on create', () => {
    const stored = toStoredInstance(validInput(), { id: 'inst-1', now: created });
    expect(stored).toMatchObject({ id: 'inst-1', name: 'Support EU', createdAt: created.toISOString() });
    expect(stored.updatedAt).toBe(created.toISOString());
    expect(stored).not.toHaveProperty('apiToken');
    expect(JSON.stringify(stored)).not.toContain(TOKEN);
    expect(StoredInstanceSchema.parse(stored)).toEqual(stored);
  });

  it('keeps createdAt and moves updatedAt on update', () => {
    const previous = toStoredInstance(validInput(), { id: 'inst-1', now: created });
    const stored = toStoredInstance(validInput({ id: 'inst-1', name: 'Support Europe' }), {
      id: 'inst-1',
      now: later,
      previous,
    });
    expect(stored).toMatchObject({
      id: 'inst-1',
      name: 'Support Europe',
      createdAt: created.toISOString(),
      updatedAt: later.toISOString(),
    });
  });
});

describe('StoredInstanceSchema', () => {
  const stored = toStoredInstance(validInput(), { id: 'inst-1', now: created });

  it('rejects a stored instance that carries a token', () => {
    const result = StoredInstanceSchema.safeParse({ ...stored, apiToken: TOKEN });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([
      expect.objectContaining({ code: 'unrecognized_keys', keys: ['apiToken'] }),
    ]);
  });

  it('fills settings added after the record was written with their defaults', () => {
    const { timeZone: _zone, actionsVisibleOnPortal: _visible, ...older } = stored;
    expect(StoredInstanceSchema.parse(older)).toMatchObject({
      timeZone: 'UTC',
      actionsVisibleOnPortal: false,
    });
  });

  it('requires an id and timestamps', () => {
    const { id: _id, createdAt: _created, ...withoutIds } = stored;
    const result = StoredInstanceSchema.safeParse(withoutIds);
    expect(result.error?.issues.map((issue) => issue.path.join('.')).sort()).toEqual(['createdAt', 'id']);
  });
});

describe('toInstanceView', () => {
  it('adds hasToken and nothing secret', () => {
    const stored = toStoredInstance(validInput(), { id: 'inst-1', now: created });
    const view = toInstanceView(stored, true);
    expect(view).toEqual({ ...stored, hasToken: true });
    expect(InstanceViewSchema.parse(view)).toEqual(view);
    expect(JSON.stringify(view)).not.toContain(TOKEN);
    expect(toInstanceView(stored, false).hasToken).toBe(false);
  });
});
