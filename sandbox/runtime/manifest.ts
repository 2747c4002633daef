// Reads manifest.yml the way the Forge platform wires an app: which function runs for which module, with which timeout.
// Only the parts the sandbox hosts are modelled; the full schema check is @forge/manifest's job (scripts/validate-manifest.ts).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { manifestEntitySchema } from './kvs/manifest-entities';

const functionSchema = z.object({
  key: z.string(),
  handler: z.string().regex(/^[\w-]+\.[\w$]+$/, 'handler must be "<file>.<export>"'),
  timeoutSeconds: z.number().int().min(1).max(900).optional(),
});

const triggerSchema = z.object({
  key: z.string(),
  function: z.string(),
  events: z.array(z.union([z.string(), z.object({ eventType: z.string() }).transform((e) => e.eventType)])),
  filter: z.object({ ignoreSelf: z.boolean().optional() }).optional(),
});

const consumerSchema = z.object({ key: z.string(), queue: z.string(), function: z.string() });
const scheduledSchema = z.object({
  key: z.string(),
  function: z.string(),
  interval: z.enum(['fiveMinute', 'hour', 'day', 'week']),
});
const webtriggerSchema = z.object({ key: z.string(), function: z.string() });
const uiModuleSchema = z.object({
  key: z.string(),
  resource: z.string().optional(),
  resolver: z.object({ function: z.string() }).optional(),
  title: z.string().optional(),
});

const manifestSchema = z.object({
  app: z.object({
    id: z.string(),
    runtime: z.object({ name: z.string() }),
    storage: z
      .object({
        entities: z.array(manifestEntitySchema).default([]),
      })
      .optional(),
  }),
  modules: z.object({
    function: z.array(functionSchema).default([]),
    trigger: z.array(triggerSchema).default([]),
    consumer: z.array(consumerSchema).default([]),
    scheduledTrigger: z.array(scheduledSchema).default([]),
    webtrigger: z.array(webtriggerSchema).default([]),
    'jira:issuePanel': z.array(uiModuleSchema).default([]),
    'jira:adminPage': z.array(uiModuleSchema).default([]),
  }),
  resources: z.array(z.object({ key: z.string(), path: z.string() })).default([]),
  permissions: z
    .object({
      scopes: z.array(z.string()).default([]),
      external: z
        .object({
          fetch: z
            .object({
              backend: z
                .array(z.union([z.string(), z.object({ address: z.string() }).transform((a) => a.address)]))
                .default([]),
            })
            .optional(),
        })
        .optional(),
    })
    .optional(),
});

export type RawManifest = z.infer<typeof manifestSchema>;
export type ModuleKind = 'trigger' | 'consumer' | 'scheduledTrigger' | 'webtrigger' | 'resolver';
export type EntityDeclaration = NonNullable<RawManifest['app']['storage']>['entities'][number];

export interface HostedFunction {
  key: string;
  /** file under src/ (without extension) and the export name */
  file: string;
  exportName: string;
  timeoutSeconds: number;
  kinds: ModuleKind[];
}

export interface AppManifest {
  raw: RawManifest;
  appId: string;
  functions: Map<string, HostedFunction>;
  triggers: RawManifest['modules']['trigger'];
  consumers: RawManifest['modules']['consumer'];
  scheduledTriggers: RawManifest['modules']['scheduledTrigger'];
  webtriggers: RawManifest['modules']['webtrigger'];
  /** UI module key -> resolver function key */
  uiResolvers: Map<string, { functionKey: string; kind: 'jira:issuePanel' | 'jira:adminPage' }>;
  entities: EntityDeclaration[];
  egress: string[];
}

// Forge's invocation limits (docs/forge-platform.md §1.9): UI resolvers and product-event triggers get 25 s, web
// triggers 55 s, and only consumers and scheduled triggers may raise their timeout (default 55 s, up to 900 s).
function kindLimit(kind: ModuleKind, declared: number | undefined): number {
  switch (kind) {
    case 'consumer':
    case 'scheduledTrigger':
      return declared ?? 55;
    case 'webtrigger':
      return 55;
    case 'resolver':
    case 'trigger':
      return 25;
  }
}

function effectiveTimeout(declared: number | undefined, kinds: ModuleKind[]): number {
  // A function shared by several modules gets the lowest of their timeouts.
  return kinds.length === 0 ? (declared ?? 25) : Math.min(...kinds.map((kind) => kindLimit(kind, declared)));
}

export function parseManifest(yamlText: string): AppManifest {
  const parsed = manifestSchema.safeParse(parse(yamlText));
  if (!parsed.success) {
    throw new Error(`manifest.yml is not what the sandbox can host: ${z.prettifyError(parsed.error)}`);
  }
  const raw = parsed.data;
  const usage = new Map<string, ModuleKind[]>();
  const use = (functionKey: string, kind: ModuleKind): void => {
    usage.set(functionKey, [...(usage.get(functionKey) ?? []), kind]);
  };
  raw.modules.trigger.forEach((m) => use(m.function, 'trigger'));
  raw.modules.consumer.forEach((m) => use(m.function, 'consumer'));
  raw.modules.scheduledTrigger.forEach((m) => use(m.function, 'scheduledTrigger'));
  raw.modules.webtrigger.forEach((m) => use(m.function, 'webtrigger'));

  const uiResolvers: AppManifest['uiResolvers'] = new Map();
  for (const kind of ['jira:issuePanel', 'jira:adminPage'] as const) {
    for (const ui of raw.modules[kind]) {
      if (ui.resolver) {
        uiResolvers.set(ui.key, { functionKey: ui.resolver.function, kind });
        use(ui.resolver.function, 'resolver');
      }
    }
  }

  const functions = new Map<string, HostedFunction>();
  for (const fn of raw.modules.function) {
    const [file = '', exportName = ''] = fn.handler.split('.');
    const kinds = usage.get(fn.key) ?? [];
    functions.set(fn.key, {
      key: fn.key,
      file,
      exportName,
      timeoutSeconds: effectiveTimeout(fn.timeoutSeconds, kinds),
      kinds,
    });
  }
  for (const functionKey of usage.keys()) {
    if (!functions.has(functionKey))
      throw new Error(`manifest.yml: module refers to unknown function "${functionKey}"`);
  }

  return {
    raw,
    appId: raw.app.id,
    functions,
    triggers: raw.modules.trigger,
    consumers: raw.modules.consumer,
    scheduledTriggers: raw.modules.scheduledTrigger,
    webtriggers: raw.modules.webtrigger,
    uiResolvers,
    entities: raw.app.storage?.entities ?? [],
    egress: raw.permissions?.external?.fetch?.backend ?? [],
  };
}

export function loadManifest(appDir: string): AppManifest {
  return parseManifest(readFileSync(path.join(appDir, 'manifest.yml'), 'utf8'));
}
