// Control characters other than tab, newline and carriage return are parse errors in HTML; dropping
// them keeps the output valid whatever a comment contains.
const CONTROLS = /\p{Cc}/gu;
const KEPT_CONTROLS = new Set(['\t', '\n', '\r']);

export function escapeHtmlText(value: string): string {
  return value
    .replace(CONTROLS, (c) => (KEPT_CONTROLS.has(c) ? c : ''))
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** For attribute values; every attribute this app writes is double-quoted. */
export function escapeHtmlAttribute(value: string): string {
  return escapeHtmlText(value).replace(/"/g, '&quot;');
}
