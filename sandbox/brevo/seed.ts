// The emulator's starting data. 'default': one account (DEFAULT_ACCOUNT, with its API key) with Brevo's first list
// and a list per demo Jira project, and the contact attributes a new Brevo account has. The attributes the app maps
// by default (APP_ATTRIBUTES) are missing unless asked for, so that "create the missing attributes" has work to do.
import type { AccountAdmin } from './admin/account';
import type { AttributeType } from './model';

export type SeedName = 'default' | 'empty';

export interface SeedOptions {
  /** 'default' (one account) or 'empty' (no account); default 'default' */
  seed?: SeedName;
  /** also create APP_ATTRIBUTES in the default account; default false */
  appAttributes?: boolean;
  /** create STANDARD_ATTRIBUTES (FIRSTNAME, LASTNAME, SMS) in the default account; default true */
  standardAttributes?: boolean;
}

export const DEFAULT_ACCOUNT = {
  /** the shape of a Brevo v3 key: xkeysib-, 64 hex digits, -, 16 characters */
  apiKey: 'xkeysib-5a9c2e8f1b7d4c6a3e0f9b8d7c6a5e4f3b2a1c0d9e8f7a6b5c4d3e2f1a0b9c8d-SbxBrevoDemo0001',
  email: 'crm@acme.example',
  firstName: 'Ada',
  lastName: 'Brevo',
  companyName: 'Acme Corp',
} as const;

/** Lists of the default account, in id order from 2 (Brevo's first list of a new account is id 2). */
export const DEFAULT_LISTS = ['Your first list', 'Jira SUP customers', 'Jira DEV customers'] as const;

/** Contact attributes every new Brevo account has. */
export const STANDARD_ATTRIBUTES: ReadonlyArray<{ name: string; type: AttributeType }> = [
  { name: 'LASTNAME', type: 'text' },
  { name: 'FIRSTNAME', type: 'text' },
  { name: 'SMS', type: 'text' },
];

/**
 * The attributes the app's default attribute mappings write (docs/architecture.md: accountId→JIRA_ACCOUNT_ID,
 * displayName→FIRSTNAME, issueKey→LAST_TICKET_KEY, status→LAST_TICKET_STATUS, priority→LAST_TICKET_PRIORITY,
 * created→LAST_TICKET_DATE, resolution→LAST_TICKET_RESOLUTION), except FIRSTNAME, a standard attribute.
 */
export const APP_ATTRIBUTES: ReadonlyArray<{ name: string; type: AttributeType }> = [
  { name: 'JIRA_ACCOUNT_ID', type: 'text' },
  { name: 'LAST_TICKET_KEY', type: 'text' },
  { name: 'LAST_TICKET_STATUS', type: 'text' },
  { name: 'LAST_TICKET_PRIORITY', type: 'text' },
  { name: 'LAST_TICKET_DATE', type: 'date' },
  { name: 'LAST_TICKET_RESOLUTION', type: 'text' },
];

export function seedAccount(account: AccountAdmin, options: SeedOptions): void {
  for (const name of DEFAULT_LISTS) account.addList({ name });
  const attributes = [
    ...((options.standardAttributes ?? true) ? STANDARD_ATTRIBUTES : []),
    ...((options.appAttributes ?? false) ? APP_ATTRIBUTES : []),
  ];
  for (const attribute of attributes) account.addAttribute(attribute);
}
