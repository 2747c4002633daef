// All data of the emulated Brevo, with the id counters and the e-mail index contacts are found by.
import type { AccountRecord, AttributeRecord, ContactRecord, EventRecord, ListRecord } from './model';

export type IdKind = 'account' | 'list' | 'contact' | 'event';

/** Brevo's first list of a new account is id 2; contact and event ids are just numbers. */
const FIRST_IDS: Record<IdKind, number> = { account: 1, list: 2, contact: 1, event: 1 };

export class BrevoState {
  readonly accounts = new Map<number, AccountRecord>();
  readonly lists = new Map<number, ListRecord>();
  /** key `<accountId>:<NAME>` */
  readonly attributes = new Map<string, AttributeRecord>();
  readonly contacts = new Map<number, ContactRecord>();
  readonly events = new Map<number, EventRecord>();
  readonly nextIds: Record<IdKind, number> = { ...FIRST_IDS };
  /** `<accountId>:<email>` → contact id */
  private readonly byEmail = new Map<string, number>();

  nextId(kind: IdKind): number {
    const id = this.nextIds[kind];
    this.nextIds[kind] = id + 1;
    return id;
  }

  clear(): void {
    this.accounts.clear();
    this.lists.clear();
    this.attributes.clear();
    this.contacts.clear();
    this.events.clear();
    this.byEmail.clear();
    Object.assign(this.nextIds, FIRST_IDS);
  }

  accountByKey(apiKey: string): AccountRecord | undefined {
    for (const account of this.accounts.values()) if (account.apiKey === apiKey) return account;
    return undefined;
  }

  attribute(accountId: number, name: string): AttributeRecord | undefined {
    return this.attributes.get(`${accountId}:${name.toUpperCase()}`);
  }

  attributesOf(accountId: number): AttributeRecord[] {
    return [...this.attributes.values()].filter((attribute) => attribute.accountId === accountId);
  }

  putAttribute(attribute: AttributeRecord): void {
    this.attributes.set(`${attribute.accountId}:${attribute.name}`, attribute);
  }

  removeAttribute(accountId: number, name: string): boolean {
    return this.attributes.delete(`${accountId}:${name.toUpperCase()}`);
  }

  listsOf(accountId: number): ListRecord[] {
    return [...this.lists.values()].filter((list) => list.accountId === accountId);
  }

  list(accountId: number, listId: number): ListRecord | undefined {
    const list = this.lists.get(listId);
    return list?.accountId === accountId ? list : undefined;
  }

  contactsOf(accountId: number): ContactRecord[] {
    return [...this.contacts.values()].filter((contact) => contact.accountId === accountId);
  }

  contactById(accountId: number, id: number): ContactRecord | undefined {
    const contact = this.contacts.get(id);
    return contact?.accountId === accountId ? contact : undefined;
  }

  contactByEmail(accountId: number, email: string): ContactRecord | undefined {
    const id = this.byEmail.get(`${accountId}:${email.trim().toLowerCase()}`);
    return id === undefined ? undefined : this.contacts.get(id);
  }

  contactByExtId(accountId: number, extId: string): ContactRecord | undefined {
    return this.contactsOf(accountId).find((contact) => contact.extId === extId);
  }

  contactByAttribute(accountId: number, attribute: string, value: string): ContactRecord | undefined {
    return this.contactsOf(accountId).find((contact) => contact.attributes[attribute] === value);
  }

  /** Adds or replaces a contact, keeping the e-mail index in step. */
  putContact(contact: ContactRecord): void {
    const previous = this.contacts.get(contact.id);
    if (previous?.email) this.byEmail.delete(`${previous.accountId}:${previous.email}`);
    this.contacts.set(contact.id, contact);
    if (contact.email) this.byEmail.set(`${contact.accountId}:${contact.email}`, contact.id);
  }

  eventsOf(accountId: number): EventRecord[] {
    return [...this.events.values()].filter((event) => event.accountId === accountId);
  }
}
