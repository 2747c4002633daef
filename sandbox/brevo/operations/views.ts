// Records in the shapes the API answers with.
import type { AccountRecord, AttributeRecord, ContactRecord, EventRecord, ListRecord } from '../model';
import type { BrevoState } from '../state';

/** `getAccount`: the account, its (unlimited) plan and the SMTP relay, all required by the document. */
export function accountBody(account: AccountRecord): Record<string, unknown> {
  return {
    email: account.email,
    firstName: account.firstName,
    lastName: account.lastName,
    companyName: account.companyName,
    address: {
      street: account.street,
      city: account.city,
      zipCode: account.zipCode,
      country: account.country,
    },
    plan: [{ type: 'free', creditsType: 'sendLimit', credits: 300 }],
    relay: { enabled: true, data: { userName: account.email, relay: 'smtp-relay.brevo.com', port: 587 } },
  };
}

/** `getContactInfo`: the contact with (empty) campaign statistics. */
export function contactBody(contact: ContactRecord): Record<string, unknown> {
  return {
    ...(contact.email === null ? {} : { email: contact.email }),
    id: contact.id,
    emailBlacklisted: contact.emailBlacklisted,
    smsBlacklisted: contact.smsBlacklisted,
    createdAt: contact.createdAt,
    modifiedAt: contact.modifiedAt,
    listIds: [...contact.listIds],
    listUnsubscribed: [],
    attributes: { ...contact.attributes },
    statistics: {},
  };
}

export function listBody(state: BrevoState, list: ListRecord): Record<string, unknown> {
  const members = state.contactsOf(list.accountId).filter((contact) => contact.listIds.includes(list.id));
  const blacklisted = members.filter((contact) => contact.emailBlacklisted).length;
  return {
    id: list.id,
    name: list.name,
    totalBlacklisted: blacklisted,
    totalSubscribers: members.length - blacklisted,
    uniqueSubscribers: members.length,
    folderId: list.folderId,
  };
}

/** `getAttributes`: a category attribute is listed as text with its enumeration, as in Brevo's own example. */
export function attributeBody(attribute: AttributeRecord): Record<string, unknown> {
  const computed = attribute.category === 'calculated' || attribute.category === 'global';
  return {
    name: attribute.name,
    category: attribute.category,
    ...(computed ? {} : { type: attribute.type === 'category' ? 'text' : attribute.type }),
    ...(attribute.category === 'category'
      ? { enumeration: attribute.enumeration.map((entry) => ({ ...entry })) }
      : {}),
  };
}

/** One item of `getEvents`. */
export function eventBody(event: EventRecord): Record<string, unknown> {
  return {
    contact_id: event.contactId,
    event_name: event.eventName,
    event_date: event.eventDate,
    event_properties: structuredClone(event.eventProperties),
    contact_properties: { ...event.contactProperties },
  };
}
