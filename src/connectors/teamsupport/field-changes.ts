// Turns domain field changes into the PUT body TeamSupport needs: lookups by name become ids (PUT takes ids only,
// docs/teamsupport-api.md §5), versions are looked up within the ticket's product, custom fields go by the API name
// they carry on the ticket, and fields that already hold the value are left out, so an echo of our own change costs no
// write.
import { IntegrationError } from '../../lib/errors';
import type { Ticket, TicketFieldChange } from '../../domain/ticket';
import { findByName, sameName, type TeamSupportLookups } from './lookups';
import type { WireValue } from './mapping';

/** Standard ticket fields updateFields understands, by their domain names; any other name is a custom field. */
export const STANDARD_TICKET_FIELDS = [
  'name',
  'product',
  'reportedVersion',
  'solvedVersion',
  'severity',
] as const;
export type StandardTicketField = (typeof STANDARD_TICKET_FIELDS)[number];

const isStandardField = (field: string): field is StandardTicketField =>
  STANDARD_TICKET_FIELDS.some((name) => name === field);

/** The id fields a PUT of these changes should leave on the ticket, to check the server applied them. */
export const ID_FIELDS = ['ProductID', 'ReportedVersionID', 'SolvedVersionID', 'TicketSeverityID'] as const;

function refused(message: string): IntegrationError {
  return new IntegrationError('validation', message, { system: 'teamsupport' });
}

function listNames(names: readonly string[]): string {
  return names.length === 0 ? 'none' : names.map((name) => `"${name}"`).join(', ');
}

/** Custom values compare as TeamSupport stores them: blank is empty, case and surrounding blanks do not matter. */
function sameCustomValue(current: string | null | undefined, wanted: string | null): boolean {
  const normalise = (value: string | null | undefined) => (value ?? '').trim().toLowerCase();
  return normalise(current) === normalise(wanted);
}

export class TicketUpdatePlanner {
  constructor(
    private readonly lookups: TeamSupportLookups,
    private readonly ticket: Ticket,
  ) {}

  /** The wire fields to PUT (empty when the ticket already matches); throws 'validation' for unknown names. */
  async plan(changes: readonly TicketFieldChange[]): Promise<Record<string, WireValue>> {
    const wanted = new Map<string, string | null>();
    for (const change of changes) wanted.set(change.field, change.value);
    const body: Record<string, WireValue> = {};
    const product = wanted.has('product')
      ? await this.product(wanted.get('product') ?? null, body)
      : undefined;
    const productId = product === undefined ? this.ticket.productId : product;
    for (const [field, value] of wanted) {
      if (!isStandardField(field)) this.customField(field, value, body);
      else if (field === 'name') {
        if (value !== this.ticket.name) body['Name'] = value ?? '';
      } else if (field === 'severity') await this.severity(value, body);
      else if (field === 'reportedVersion') {
        await this.version('ReportedVersionID', this.ticket.reportedVersionId, productId, value, body);
      } else if (field === 'solvedVersion') {
        await this.version('SolvedVersionID', this.ticket.solvedVersionId, productId, value, body);
      }
    }
    return body;
  }

  /** Sets ProductID when it changes; returns the product id the ticket will have. */
  private async product(name: string | null, body: Record<string, WireValue>): Promise<string | null> {
    if (name === null) {
      if (this.ticket.productId !== null) body['ProductID'] = null;
      return null;
    }
    const products = await this.lookups.products();
    const product = findByName(products, name, (item) => item.Name);
    if (!product) {
      throw refused(
        `TeamSupport has no product named "${name}" (products: ${listNames(products.map((p) => p.Name))}).`,
      );
    }
    if (product.id !== this.ticket.productId) body['ProductID'] = product.id;
    return product.id;
  }

  private async version(
    wireField: 'ReportedVersionID' | 'SolvedVersionID',
    currentId: string | null,
    productId: string | null,
    versionNumber: string | null,
    body: Record<string, WireValue>,
  ): Promise<void> {
    if (versionNumber === null) {
      if (currentId !== null) body[wireField] = null;
      return;
    }
    if (productId === null) {
      throw refused(
        `Ticket ${this.ticket.number} has no product in TeamSupport, and versions belong to a product: ` +
          `cannot set version "${versionNumber}".`,
      );
    }
    const versions = await this.lookups.versions(productId);
    const version = findByName(versions, versionNumber, (item) => item.VersionNumber);
    if (!version) {
      throw refused(
        `The TeamSupport product of ticket ${this.ticket.number} has no version "${versionNumber}" ` +
          `(versions: ${listNames(versions.map((v) => v.VersionNumber))}).`,
      );
    }
    if (version.ProductVersionID !== currentId) body[wireField] = version.ProductVersionID;
  }

  private async severity(name: string | null, body: Record<string, WireValue>): Promise<void> {
    if (name === null) {
      if (this.ticket.severity !== null) body['TicketSeverityID'] = null;
      return;
    }
    if (this.ticket.severity !== null && sameName(this.ticket.severity, name)) return;
    const severities = await this.lookups.severities();
    const severity = findByName(severities, name, (item) => item.Name);
    if (!severity) {
      throw refused(
        `TeamSupport has no severity named "${name}" (severities: ${listNames(severities.map((s) => s.Name))}).`,
      );
    }
    body['TicketSeverityID'] = severity.id;
  }

  private customField(apiName: string, value: string | null, body: Record<string, WireValue>): void {
    // Custom fields belong to ticket types: one missing from the ticket does not exist on its type, and a write
    // to it would be silently dropped (docs/teamsupport-api.md §7).
    const key = Object.keys(this.ticket.customFields).find((name) => sameName(name, apiName));
    if (key === undefined) {
      throw refused(
        `Ticket type "${this.ticket.ticketType}" has no custom field with the API name "${apiName}" in TeamSupport: ` +
          'add the field to that ticket type (Admin → Customization → Custom Fields) or change the field mapping.',
      );
    }
    if (!sameCustomValue(this.ticket.customFields[key], value)) body[key] = value;
  }
}
