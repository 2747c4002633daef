// The console's HTML-to-text for ticket actions: blocks become lines, markup is shown as text.
import { htmlToText } from './html-text';

describe('htmlToText', () => {
  it('turns blocks into lines and keeps inline text together', () => {
    expect(
      htmlToText('<p>Hello <b>there</b>,</p><p>line<br>break &amp; more</p><ul><li>a</li><li>b</li></ul>'),
    ).toBe('Hello there,\nline\nbreak & more\na\nb');
  });

  it('shows markup as text, never as elements', () => {
    expect(htmlToText('<script>alert(1)</script><p>&lt;img onerror=x&gt;</p>')).toBe(
      'alert(1)<img onerror=x>',
    );
  });
});
