// Text values as TeamSupport's JSON carries them. Recorded responses show text escaped once more before the XML
// writer (docs/teamsupport-api.md §3, §16.2: "&lt;p&gt;We&apos;ll …"), and whether today's server still does it is
// unverified, so both forms are accepted. Escaped text never holds a literal "<" (every "<" became "&lt;"), which is
// how the two are told apart: text with markup is taken as it is, text without is unescaped once.

const XML_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};

/** Undoes one round of the five XML escapes (numeric references are left alone: they belong to the HTML). */
export function unescapeXml(text: string): string {
  return text.replace(
    /&(amp|lt|gt|quot|apos);/gi,
    (whole, name: string) => XML_ENTITIES[name.toLowerCase()] ?? whole,
  );
}

/** A text value from a response, in the form it was stored in (HTML stays HTML, names stay plain text). */
export function readWireText(text: string): string {
  return text.includes('<') ? text : unescapeXml(text);
}
