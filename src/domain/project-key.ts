// The Jira project a ticket escalates into, by the five rules of TeamSupport's integration (docs/product.md,
// "Choosing the Jira project"): always-default → reported version's key → product's key → product name as key →
// default.
import { sameName } from './names';
export interface ProjectMapping {
  product: string;
  version?: string | undefined;
  projectKey: string;
}

export interface ProjectKeySettings {
  defaultProjectKey?: string | undefined;
  alwaysUseDefaultProjectKey: boolean;
  projectMappings: readonly ProjectMapping[];
}

export type ProjectKeyDecision =
  { ok: true; projectKey: string; rule: 1 | 2 | 3 | 4 | 5 } | { ok: false; reason: string };

export function projectKeyFor(
  ticket: { product: string | null; reportedVersion: string | null },
  settings: ProjectKeySettings,
): ProjectKeyDecision {
  const defaultKey = settings.defaultProjectKey?.trim() || undefined;
  if (settings.alwaysUseDefaultProjectKey) {
    return defaultKey
      ? { ok: true, projectKey: defaultKey, rule: 1 }
      : { ok: false, reason: '"Always Use Default Project Key" is on but no Default Project KEY is set' };
  }
  const product = ticket.product?.trim() || undefined;
  if (product) {
    const version = ticket.reportedVersion?.trim() || undefined;
    const versionMapping =
      version !== undefined
        ? settings.projectMappings.find(
            (m) => sameName(m.product, product) && m.version !== undefined && sameName(m.version, version),
          )
        : undefined;
    if (versionMapping) return { ok: true, projectKey: versionMapping.projectKey, rule: 2 };
    const productMapping = settings.projectMappings.find((m) => sameName(m.product, product) && !m.version);
    if (productMapping) return { ok: true, projectKey: productMapping.projectKey, rule: 3 };
    // Rule 4 uses the product name itself as the key, as TeamSupport's integration did.
    return { ok: true, projectKey: product.toUpperCase(), rule: 4 };
  }
  return defaultKey
    ? { ok: true, projectKey: defaultKey, rule: 5 }
    : { ok: false, reason: 'the ticket has no product and no Default Project KEY is set' };
}
