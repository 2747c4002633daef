// Setting up an organisation's lookups: ticket types and their statuses, severities, action types, products and
// versions, groups, agents, customers, contacts and custom fields.
import {
  type ActionTypeRecord,
  type ContactRecord,
  type CustomFieldRecord,
  type CustomerRecord,
  type GroupRecord,
  type ProductRecord,
  type SeverityRecord,
  type TicketStatusRecord,
  type TicketTypeRecord,
  type UserRecord,
  type VersionRecord,
  type VersionStatusRecord,
} from '../model';
import { byPositionThenId } from '../state';
import { OrgScope, parseAdminInput as parse } from './org-scope';
import { AdminError, apiNameOf, resolveRef } from './refs';
import {
  actionTypeInput,
  contactInput,
  customFieldInput,
  customerInput,
  groupInput,
  productInput,
  severityInput,
  ticketStatusInput,
  ticketTypeInput,
  userInput,
  versionInput,
  type ActionTypeInput,
  type ContactInput,
  type CustomFieldInput,
  type CustomerInput,
  type GroupInput,
  type ProductInput,
  type SeverityInput,
  type TicketStatusInput,
  type TicketTypeInput,
  type UserInput,
  type VersionInput,
} from './schemas';

export interface OrgLookups {
  readonly ticketTypes: readonly TicketTypeRecord[];
  readonly ticketStatuses: readonly TicketStatusRecord[];
  readonly severities: readonly SeverityRecord[];
  readonly actionTypes: readonly ActionTypeRecord[];
  readonly products: readonly ProductRecord[];
  readonly versionStatuses: readonly VersionStatusRecord[];
  readonly versions: readonly VersionRecord[];
  readonly groups: readonly GroupRecord[];
  readonly users: readonly UserRecord[];
  readonly customers: readonly CustomerRecord[];
  readonly contacts: readonly ContactRecord[];
  readonly customFields: readonly CustomFieldRecord[];
}

export class OrgSetup extends OrgScope {
  lookups(): OrgLookups {
    const { state, id } = this;
    const types = state.ticketTypesOf(id);
    return {
      ticketTypes: types,
      ticketStatuses: types.flatMap((type) => state.statusesOfType(type.id)),
      severities: state.inOrg(state.severities, id).sort(byPositionThenId),
      actionTypes: state.inOrg(state.actionTypes, id).sort(byPositionThenId),
      products: state.inOrg(state.products, id),
      versionStatuses: state.inOrg(state.versionStatuses, id).sort(byPositionThenId),
      versions: state.inOrg(state.versions, id),
      groups: state.inOrg(state.groups, id),
      users: state.inOrg(state.users, id),
      customers: state.inOrg(state.customers, id),
      contacts: state.inOrg(state.contacts, id),
      customFields: state.inOrg(state.customFields, id).sort(byPositionThenId),
    };
  }

  addTicketType(input: TicketTypeInput): TicketTypeRecord {
    const parsed = parse(ticketTypeInput, input);
    const id = this.state.nextId('ticketType');
    const type: TicketTypeRecord = {
      id,
      orgId: this.id,
      name: parsed.name,
      description: parsed.description,
      position: parsed.position ?? this.nextPosition(this.state.ticketTypesOf(this.id)),
      ...this.audit(),
    };
    this.state.ticketTypes.set(id, type);
    for (const status of parsed.statuses) {
      this.addTicketStatus({ ticketType: id, name: status.name, isClosed: status.isClosed });
    }
    return { ...type };
  }

  addTicketStatus(input: TicketStatusInput): TicketStatusRecord {
    const parsed = parse(ticketStatusInput, input);
    const type = this.ticketType(parsed.ticketType);
    const id = this.state.nextId('ticketStatus');
    const status: TicketStatusRecord = {
      id,
      orgId: this.id,
      ticketTypeId: type.id,
      name: parsed.name,
      description: parsed.description,
      position: parsed.position ?? this.nextPosition(this.state.statusesOfType(type.id)),
      isClosed: parsed.isClosed,
      ...this.audit(),
    };
    this.state.ticketStatuses.set(id, status);
    return { ...status };
  }

  addSeverity(input: SeverityInput): SeverityRecord {
    const parsed = parse(severityInput, input);
    const id = this.state.nextId('severity');
    const severity: SeverityRecord = {
      id,
      orgId: this.id,
      name: parsed.name,
      description: parsed.description,
      position: parsed.position ?? this.nextPosition(this.state.inOrg(this.state.severities, this.id)),
      ...this.audit(),
    };
    this.state.severities.set(id, severity);
    return { ...severity };
  }

  addActionType(input: ActionTypeInput): ActionTypeRecord {
    const parsed = parse(actionTypeInput, input);
    const id = this.state.nextId('actionType');
    const type: ActionTypeRecord = {
      id,
      orgId: this.id,
      name: parsed.name,
      description: parsed.description,
      isTimed: parsed.isTimed,
      position: parsed.position ?? this.nextPosition(this.state.inOrg(this.state.actionTypes, this.id)),
      ...this.audit(),
    };
    this.state.actionTypes.set(id, type);
    return { ...type };
  }

  addVersionStatus(
    name: string,
    flags: { isShipping?: boolean; isDiscontinued?: boolean } = {},
  ): VersionStatusRecord {
    const id = this.state.nextId('versionStatus');
    const status: VersionStatusRecord = {
      id,
      orgId: this.id,
      name,
      description: '',
      position: this.nextPosition(this.state.inOrg(this.state.versionStatuses, this.id)),
      isShipping: flags.isShipping ?? false,
      isDiscontinued: flags.isDiscontinued ?? false,
      ...this.audit(),
    };
    this.state.versionStatuses.set(id, status);
    return { ...status };
  }

  addProduct(input: ProductInput): ProductRecord {
    const parsed = parse(productInput, input);
    const id = this.state.nextId('product');
    const product: ProductRecord = {
      id,
      orgId: this.id,
      name: parsed.name,
      description: parsed.description,
      ...this.audit(),
    };
    this.state.products.set(id, product);
    for (const versionNumber of parsed.versions) this.addVersion({ product: id, versionNumber });
    return { ...product };
  }

  addVersion(input: VersionInput): VersionRecord {
    const parsed = parse(versionInput, input);
    const product = this.product(parsed.product);
    const statuses = this.state.inOrg(this.state.versionStatuses, this.id).sort(byPositionThenId);
    const status =
      parsed.status === undefined
        ? (statuses[0] ?? this.addVersionStatus('Released', { isShipping: true }))
        : resolveRef(statuses, parsed.status, (s) => [s.name], 'version status');
    const id = this.state.nextId('version');
    const version: VersionRecord = {
      id,
      orgId: this.id,
      productId: product.id,
      versionStatusId: status.id,
      versionNumber: parsed.versionNumber,
      releaseDate: parsed.releaseDate,
      isReleased: parsed.isReleased,
      description: parsed.description,
      ...this.audit(),
    };
    this.state.versions.set(id, version);
    return { ...version };
  }

  addGroup(input: GroupInput): GroupRecord {
    const parsed = parse(groupInput, input);
    const id = this.state.nextId('group');
    const group: GroupRecord = {
      id,
      orgId: this.id,
      name: parsed.name,
      description: parsed.description,
      ...this.audit(),
    };
    this.state.groups.set(id, group);
    return { ...group };
  }

  addUser(input: UserInput): UserRecord {
    const parsed = parse(userInput, input);
    const id = this.state.nextId('user');
    const user: UserRecord = {
      id,
      orgId: this.id,
      firstName: parsed.firstName,
      lastName: parsed.lastName,
      email: parsed.email ?? `${parsed.firstName}.${parsed.lastName}@example.com`.toLowerCase(),
      title: parsed.title,
      isActive: parsed.isActive,
      primaryGroupId: parsed.group === undefined ? null : this.group(parsed.group).id,
      ...this.audit(),
    };
    this.state.users.set(id, user);
    return { ...user };
  }

  addCustomer(input: CustomerInput): CustomerRecord {
    const parsed = parse(customerInput, input);
    const id = this.state.nextId('customer');
    const customer: CustomerRecord = { id, orgId: this.id, name: parsed.name, ...this.audit() };
    this.state.customers.set(id, customer);
    return { ...customer };
  }

  addContact(input: ContactInput): ContactRecord {
    const parsed = parse(contactInput, input);
    const id = this.state.nextId('contact');
    const contact: ContactRecord = {
      id,
      orgId: this.id,
      customerId: this.customer(parsed.customer).id,
      firstName: parsed.firstName,
      lastName: parsed.lastName,
      email: parsed.email ?? `${parsed.firstName}.${parsed.lastName}@customer.example`.toLowerCase(),
      ...this.audit(),
    };
    this.state.contacts.set(id, contact);
    return { ...contact };
  }

  addCustomField(input: CustomFieldInput): CustomFieldRecord {
    const parsed = parse(customFieldInput, input);
    const apiName = parsed.apiName ?? apiNameOf(parsed.name);
    const existing = this.state.inOrg(this.state.customFields, this.id);
    if (apiName === '' || existing.some((field) => field.apiName.toLowerCase() === apiName.toLowerCase())) {
      throw new AdminError(400, `Custom field API name "${apiName}" is empty or already used`);
    }
    const ticketTypeIds =
      parsed.ticketTypes === 'all'
        ? this.state.ticketTypesOf(this.id).map((type) => type.id)
        : parsed.ticketTypes.map((reference) => this.ticketType(reference).id);
    const id = this.state.nextId('customField');
    const field: CustomFieldRecord = {
      id,
      orgId: this.id,
      name: parsed.name,
      apiName,
      fieldType: parsed.fieldType,
      ticketTypeIds,
      position: this.nextPosition(existing),
      ...this.audit(),
    };
    this.state.customFields.set(id, field);
    return { ...field, ticketTypeIds: [...ticketTypeIds] };
  }
}
