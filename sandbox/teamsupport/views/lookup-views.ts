// Lookup objects in the field order of docs/teamsupport-api.md §6 (and the 2018 field maps for users, groups and
// deleted tickets).
import type { EmulatorState } from '../state';
import type {
  ActionTypeRecord,
  Audited,
  DeletedTicketRecord,
  ProductRecord,
  SeverityRecord,
  TicketStatusRecord,
  TicketTypeRecord,
  UserRecord,
  VersionRecord,
} from '../model';
import { cell, type Cell, type WireRecord } from '../wire/cells';

function audit(row: Audited): Cell[] {
  return [
    cell.date('DateCreated', row.dateCreated),
    cell.date('DateModified', row.dateModified),
    cell.int('CreatorID', row.creatorId),
    cell.int('ModifierID', row.modifierId),
  ];
}

export function ticketTypeRecord(type: TicketTypeRecord): WireRecord {
  return [
    cell.int('TicketTypeID', type.id),
    cell.text('Name', type.name),
    cell.text('Description', type.description),
    cell.int('Position', type.position),
    cell.int('OrganizationID', type.orgId),
    ...audit(type),
    cell.text('IconUrl', null),
    cell.int('ProductFamilyID', null),
  ];
}

export function ticketStatusRecord(status: TicketStatusRecord): WireRecord {
  return [
    cell.int('TicketStatusID', status.id),
    cell.text('Name', status.name),
    cell.text('Description', status.description),
    cell.int('Position', status.position),
    cell.int('TicketTypeID', status.ticketTypeId),
    cell.bool('IsClosed', status.isClosed),
    cell.int('OrganizationID', status.orgId),
    ...audit(status),
  ];
}

export function severityRecord(severity: SeverityRecord): WireRecord {
  return [
    cell.int('TicketSeverityID', severity.id),
    cell.text('Name', severity.name),
    cell.text('Description', severity.description),
    cell.int('Position', severity.position),
    cell.int('OrganizationID', severity.orgId),
    ...audit(severity),
  ];
}

export function actionTypeRecord(type: ActionTypeRecord): WireRecord {
  return [
    cell.int('ActionTypeID', type.id),
    cell.int('OrganizationID', type.orgId),
    cell.text('Name', type.name),
    cell.text('Description', type.description),
    cell.bool('IsTimed', type.isTimed),
    cell.int('Position', type.position),
    ...audit(type),
  ];
}

export function productRecord(product: ProductRecord): WireRecord {
  return [
    cell.int('ProductID', product.id),
    cell.text('Name', product.name),
    cell.text('Description', product.description),
    ...audit(product),
  ];
}

export function versionRecord(state: EmulatorState, version: VersionRecord): WireRecord {
  return [
    cell.int('ProductVersionID', version.id),
    cell.int('ProductID', version.productId),
    cell.int('ProductVersionStatusID', version.versionStatusId),
    cell.text('VersionNumber', version.versionNumber),
    cell.date('ReleaseDate', version.releaseDate),
    cell.bool('IsReleased', version.isReleased),
    cell.text('Description', version.description),
    ...audit(version),
    cell.text('VersionStatus', state.versionStatuses.get(version.versionStatusId)?.name ?? null),
    cell.text('ProductName', state.products.get(version.productId)?.name ?? null),
  ];
}

export function userRecord(user: UserRecord): WireRecord {
  return [
    cell.int('UserID', user.id),
    cell.text('Email', user.email),
    cell.text('FirstName', user.firstName),
    cell.text('MiddleName', null),
    cell.text('LastName', user.lastName),
    cell.text('Title', user.title),
    cell.bool('IsActive', user.isActive),
    cell.bool('IsPortalUser', false),
    cell.int('PrimaryGroupID', user.primaryGroupId),
    cell.bool('InOffice', true),
    cell.text('InOfficeComment', null),
    cell.date('ActivatedOn', user.dateCreated),
    cell.date('DeactivatedOn', null),
    cell.int('OrganizationID', user.orgId),
    ...audit(user),
  ];
}

export function deletedTicketRecord(deleted: DeletedTicketRecord): WireRecord {
  return [
    cell.int('ID', deleted.id),
    cell.int('TicketID', deleted.ticketId),
    cell.int('TicketNumber', deleted.ticketNumber),
    cell.int('OrganizationID', deleted.orgId),
    cell.text('Name', deleted.name),
    cell.date('DateDeleted', deleted.dateDeleted),
    cell.int('DeleterID', deleted.deleterId),
    cell.text('DeleterEmail', deleted.deleterEmail),
  ];
}
