// Shapes and inputs for the admin page tests.
import { z } from 'zod';
import { DEFAULT_ORG } from '../../../sandbox/teamsupport';
import type { World } from '../world';

export const instanceViewSchema = z.looseObject({
  id: z.string(),
  kind: z.literal('teamsupport'),
  name: z.string(),
  baseUrl: z.string(),
  organizationId: z.string(),
  active: z.boolean(),
  hasToken: z.boolean(),
  commentActionType: z.string(),
});

export const settingsSchema = z.strictObject({ instances: z.array(instanceViewSchema) });
export const savedSchema = z.strictObject({ instance: instanceViewSchema });
export const checksSchema = z.strictObject({
  checks: z.array(
    z.strictObject({
      name: z.string(),
      ok: z.boolean(),
      message: z.string(),
      notChecked: z.literal(true).optional(),
    }),
  ),
});

/** A complete InstanceInput for the seeded TeamSupport org (token included). */
export function instanceInput(
  world: World,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    kind: 'teamsupport',
    name: 'Second Support Desk',
    baseUrl: world.ts.appUrl,
    organizationId: DEFAULT_ORG.organizationId,
    apiToken: DEFAULT_ORG.apiToken,
    timeZone: DEFAULT_ORG.timeZone,
    active: true,
    ...overrides,
  };
}

/** The settings of the world's instance as getSettings shows them, as an input to send back (no token). */
export async function currentSettings(world: World): Promise<Record<string, unknown>> {
  const views = await world.run(() => world.store.config.listInstanceViews());
  const view = views.ok ? views.instances.find((i) => i.id === world.instanceId) : undefined;
  if (!view) throw new Error('the world has no instance');
  const { hasToken: _hasToken, createdAt: _createdAt, updatedAt: _updatedAt, ...settings } = view;
  return settings;
}

export const ADMIN_KEYS = [
  'getSettings',
  'saveInstance',
  'deleteInstance',
  'testConnection',
  'getSyncLog',
  'retrySyncEvent',
  'getMappingOptions',
  'countLinks',
  'getBrevoOptions',
  'createBrevoAttributes',
] as const;
