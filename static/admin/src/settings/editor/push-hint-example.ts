// The copyable shell example on the admin page's "Push hints" section (issue 19): it signs a hint the way
// src/domain/push-hint.ts checks it — HMAC-SHA256 over `<timestamp>.<body>` with the instance's secret, hex, sent as
// `x-sts-signature: sha256=<hex>` beside `x-sts-timestamp: <Unix seconds>` — using only `date`, `openssl dgst -hmac`
// and `curl`, which a TeamSupport workflow's server or a middleware host has.

/** The header names of src/domain/push-hint.ts (TIMESTAMP_HEADER, SIGNATURE_HEADER); a unit test keeps them equal. */
export const TIMESTAMP_HEADER = 'x-sts-timestamp';
export const SIGNATURE_HEADER = 'x-sts-signature';

/** The ticket number the example names; whoever calls the URL puts the changed ticket's number there. */
export const EXAMPLE_TICKET_NUMBER = 1234;

/** Shown where the secret goes when the page does not have it (it is only ever shown once). */
export const SECRET_PLACEHOLDER = 'paste-the-secret-here';

/** One POSIX shell word: single-quoted, with any single quote closed, escaped and reopened. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** The hint's body exactly as it is signed and sent: the signature covers these bytes. */
export function hintBody(instanceId: string, ticketNumber: number = EXAMPLE_TICKET_NUMBER): string {
  return JSON.stringify({ instanceId, ticketNumber });
}

export interface PushHintExampleInput {
  url: string;
  instanceId: string;
  /** the secret just created; without it the example has a placeholder to paste it over */
  secret?: string | undefined;
  ticketNumber?: number;
}

/**
 * A bash script that sends one signed hint. `openssl dgst` prints "<label>= <hex>" (the label differs between
 * OpenSSL versions), so the last field is taken.
 */
export function pushHintCurlExample({ url, instanceId, secret, ticketNumber }: PushHintExampleInput): string {
  return [
    `SECRET=${shellQuote(secret ?? SECRET_PLACEHOLDER)}`,
    `BODY=${shellQuote(hintBody(instanceId, ticketNumber))}`,
    'TS=$(date +%s)',
    `SIG=$(printf '%s.%s' "$TS" "$BODY" | openssl dgst -sha256 -hmac "$SECRET" | awk '{print $NF}')`,
    `curl -sS -X POST ${shellQuote(url)} \\`,
    `  -H 'Content-Type: application/json' \\`,
    `  -H "${TIMESTAMP_HEADER}: $TS" \\`,
    `  -H "${SIGNATURE_HEADER}: sha256=$SIG" \\`,
    `  --data-raw "$BODY"`,
  ].join('\n');
}
