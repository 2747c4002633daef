// The console's html template tag: escaping, nested templates and raw parts.
import { html, raw } from './html';

describe('html', () => {
  it('escapes interpolated text and attributes', () => {
    const text = `<img src=x onerror="alert('1')">&`;
    const escaped = '&#60;img src=x onerror=&#34;alert(&#39;1&#39;)&#34;&#62;&#38;';
    // prettier-ignore
    expect(html`<p title="${text}">${text}</p>`.value).toBe(`<p title="${escaped}">${escaped}</p>`);
  });

  it('keeps nested templates and raw parts, and drops empty parts', () => {
    const items = ['a<', 'b'].map((item) => html`<li>${item}</li>`);
    // prettier-ignore
    const list = html`<ul>${items}${raw('<li>c</li>')}${null}${undefined}${false}${0}</ul>`;
    expect(list.value).toBe('<ul><li>a&#60;</li><li>b</li><li>c</li>0</ul>');
  });
});
