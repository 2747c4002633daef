// The CredentialStore port: instance tokens and Brevo API keys for the connectors only (adapter:
// store/credential-store.ts).

/** Instance tokens, for connectors only: a token is never returned to a resolver, stored elsewhere or logged. */
export interface CredentialStore {
  getToken(instanceId: string): Promise<string | undefined>;
  /** a Brevo account's API key (kept like a token, under the account's id) */
  getBrevoKey(accountId: string): Promise<string | undefined>;
}
