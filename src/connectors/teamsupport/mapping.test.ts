// The request bodies the app sends TeamSupport: every value a string, actions by type id.
import { newActionBody, systemActionKind, toWireFields, userToNamedItem } from './mapping';

describe('mapping', () => {
  it.each<[number | null, string]>([
    [0, 'custom'],
    [1, 'description'],
    [2, 'resolution'],
    [3, 'email'],
    [4, 'update-request'],
    [5, 'chat'],
    [6, 'reminder'],
    [7, 'clone'],
    [8, 'hub'],
    [9, 'other'],
    [-1, 'other'],
    [null, 'custom'],
  ])('SystemActionTypeID %s → %s', (id, kind) => {
    expect(systemActionKind(id)).toBe(kind);
  });

  it('sends every value as a string, booleans as true/false and null as empty', () => {
    expect(
      toWireFields({
        ActionTypeID: '26920',
        IsVisibleOnPortal: false,
        IsKnowledgeBase: true,
        ProductID: null,
      }),
    ).toEqual({
      ActionTypeID: '26920',
      IsVisibleOnPortal: 'false',
      IsKnowledgeBase: 'true',
      ProductID: '',
    });
  });

  it('builds the action body with the type id, never the type name', () => {
    expect(newActionBody('26920', '<p>x</p>', true)).toEqual({
      ActionTypeID: '26920',
      Description: '<p>x</p>',
      IsVisibleOnPortal: 'true',
    });
  });

  it.each([
    [{ UserID: '1', FirstName: 'Jane', LastName: 'Doe', Email: 'j@x', IsActive: true }, 'Jane Doe'],
    [{ UserID: '1', FirstName: null, LastName: ' ', Email: 'j@x', IsActive: true }, 'j@x'],
    [{ UserID: '1', FirstName: null, LastName: null, Email: null, IsActive: true }, '1'],
  ])('names user %j', (user, name) => {
    expect(userToNamedItem(user)).toEqual({ id: '1', name });
  });
});
