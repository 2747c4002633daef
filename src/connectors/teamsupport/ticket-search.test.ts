// The words a ticket subject search checks on TeamSupport's answer.
import { searchWords } from './ticket-search';

describe('searchWords: the words a subject search checks', () => {
  it.each([
    ['Invoice  VAT', ['invoice', 'vat']],
    ['"card declined", EU', ['card', 'declined', 'eu']],
    ['vat VAT vat.', ['vat']],
    ['  ', []],
    ['- ... -', []],
    ['e-mail 2.0', ['e-mail', '2.0']],
  ])('%j → %j', (text, words) => {
    expect(searchWords(text)).toEqual(words);
  });
});
