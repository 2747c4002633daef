// The values a Jira expression works with, over the emulator's own state (the same store the REST routes read, so a
// comment's visibility and properties here match GET comment). Entity types and their properties follow
// https://developer.atlassian.com/cloud/jira/platform/jira-expressions-type-reference/ for the part the emulator
// models; a property outside that part is refused as unrecognized, never invented.
import { z } from 'zod';
import { renderComment } from '../render/comment';
import { renderUserDetails } from '../render/entities';
import type { JiraCore } from '../service/core';
import { SecurityLevelJson } from '../service/fields/system-fields';
import type { Json, JsonObject } from '../state/json';
import type { Comment, CommentVisibility, Issue, User } from '../state/types';
import type { Node } from './ast';
import { ExpressionError } from './errors';

export type Value = null | boolean | number | string | Value[] | MapValue | Lambda | Entity;

/** An object literal's value, or a JSON object read from an entity property (`Map` in the type reference). */
export class MapValue {
  constructor(readonly entries: Map<string, Value>) {}
}

/** An arrow function, with the variables it closes over. */
export class Lambda {
  constructor(
    readonly params: readonly string[],
    readonly body: Node,
    readonly scope: ReadonlyMap<string, Value>,
    readonly source: string,
  ) {}
}

/** What evaluating needs from outside a value: the site, and the complexity meter (expensive operations). */
export interface EntityHost {
  readonly core: JiraCore;
  /** counts one expensive operation (loading comments or entity properties) and fails past the limit */
  expensive(): void;
}

/** What an entity becomes in the answer: a Jira REST API object (a "bean") or plain JSON. */
export interface Rendered {
  json: Json;
  bean: boolean;
}

export abstract class Entity {
  abstract readonly typeName: string;
  /** the property names this type has in the emulator, for "available properties" in an error */
  abstract readonly propertyNames: readonly string[];
  /** the property's value; undefined when the type has no such property */
  abstract property(name: string, host: EntityHost): Value | undefined;
  /** a method bound to this value; undefined when the type has none of that name */
  method(_name: string): ((args: Value[]) => Value) | undefined {
    return undefined;
  }
  /** identity for `==`: two values of one entity are equal */
  abstract identity(): string;
  abstract render(host: EntityHost): Rendered;
}

/** JSON as an expression value: objects become Maps, arrays Lists. */
export function fromJson(json: Json): Value {
  if (json === null || typeof json !== 'object') return json;
  if (Array.isArray(json)) return json.map(fromJson);
  return new MapValue(new Map(Object.entries(json).map(([key, value]) => [key, fromJson(value)])));
}

export class DateValue extends Entity {
  readonly typeName = 'Date';
  readonly propertyNames = [];

  constructor(readonly epochMs: number) {
    super();
  }

  property(): undefined {
    return undefined;
  }

  override method(name: string): ((args: Value[]) => Value) | undefined {
    if (name === 'toISOString') return () => new Date(this.epochMs).toISOString();
    if (name === 'getTime') return () => this.epochMs;
    return undefined;
  }

  identity(): string {
    return `Date:${this.epochMs}`;
  }

  /** Assumed: a Date in the answer is an ISO-8601 string (docs/jira-limits.md); the app asks for toISOString(). */
  render(): Rendered {
    return { json: new Date(this.epochMs).toISOString(), bean: false };
  }
}

export class RichTextValue extends Entity {
  readonly typeName = 'RichText';
  readonly propertyNames = ['plainText'];

  constructor(
    readonly document: Json,
    private readonly owner: string,
  ) {
    super();
  }

  property(name: string): Value | undefined {
    if (name === 'plainText') return plainText(this.document);
    return undefined;
  }

  identity(): string {
    return `RichText:${this.owner}`;
  }

  /** The document as Jira stores v3 rich text: Atlassian Document Format. */
  render(): Rendered {
    return { json: this.document, bean: false };
  }
}

const AdfNode = z.looseObject({ text: z.string().optional(), content: z.array(z.unknown()).optional() });

function plainText(document: Json): string {
  const parts: string[] = [];
  const walk = (node: unknown): void => {
    const parsed = AdfNode.safeParse(node);
    if (!parsed.success) return;
    if (parsed.data.text !== undefined) parts.push(parsed.data.text);
    for (const child of parsed.data.content ?? []) walk(child);
  };
  walk(document);
  return parts.join('');
}

export class UserValue extends Entity {
  readonly typeName = 'User';
  readonly propertyNames = ['accountId', 'displayName'];

  constructor(readonly user: User) {
    super();
  }

  property(name: string): Value | undefined {
    if (name === 'accountId') return this.user.accountId;
    if (name === 'displayName') return this.user.displayName;
    return undefined;
  }

  identity(): string {
    return `User:${this.user.accountId}`;
  }

  render(host: EntityHost): Rendered {
    return { json: renderUserDetails(host.core, this.user), bean: true };
  }
}

export function userValue(core: JiraCore, accountId: string): UserValue | null {
  const user = core.store.users.get(accountId);
  return user ? new UserValue(user) : null;
}

/** An issue's or a comment's entity properties: `properties['key']`, `properties.get('key')`, `properties.keys()`. */
export class EntityPropertiesValue extends Entity {
  readonly typeName = 'EntityProperties';
  readonly propertyNames = [];
  private loaded: ReadonlyMap<string, Json> | undefined;

  constructor(
    private readonly owner: string,
    private readonly source: () => ReadonlyMap<string, Json>,
    private readonly host: EntityHost,
  ) {
    super();
  }

  /** Loading the properties is an expensive operation, once per owner and evaluation. */
  private all(): ReadonlyMap<string, Json> {
    if (!this.loaded) {
      this.host.expensive();
      this.loaded = this.source();
    }
    return this.loaded;
  }

  /** Any key can be asked for; a key that is not set reads as null. */
  property(name: string): Value {
    const value = this.all().get(name);
    return value === undefined ? null : fromJson(value);
  }

  override method(name: string): ((args: Value[]) => Value) | undefined {
    if (name === 'get') {
      return ([key = null]) => {
        if (typeof key !== 'string')
          throw new ExpressionError('Evaluation failed: properties.get() needs a String key');
        return this.property(key);
      };
    }
    if (name === 'keys') return () => [...this.all().keys()];
    return undefined;
  }

  identity(): string {
    return `EntityProperties:${this.owner}`;
  }

  render(): Rendered {
    const json: JsonObject = {};
    for (const [key, value] of this.all()) json[key] = value;
    return { json, bean: false };
  }
}

/** A comment's restriction (`type` group or role, `value` its name), as GET comment's `visibility`. */
export class CommentVisibilityValue extends Entity {
  readonly typeName = 'CommentVisibility';
  readonly propertyNames = ['type', 'value'];

  constructor(
    readonly visibility: CommentVisibility,
    private readonly commentId: string,
  ) {
    super();
  }

  property(name: string): Value | undefined {
    if (name === 'type') return this.visibility.type;
    if (name === 'value') return this.visibility.value;
    return undefined;
  }

  identity(): string {
    return `CommentVisibility:${this.commentId}`;
  }

  render(): Rendered {
    return { json: { type: this.visibility.type, value: this.visibility.value }, bean: false };
  }
}

export class CommentValue extends Entity {
  readonly typeName = 'Comment';
  readonly propertyNames = ['id', 'author', 'body', 'created', 'updated', 'visibility', 'properties'];
  private properties: EntityPropertiesValue | undefined;

  constructor(readonly comment: Comment) {
    super();
  }

  property(name: string, host: EntityHost): Value | undefined {
    const comment = this.comment;
    switch (name) {
      case 'id':
        return Number(comment.id);
      case 'author':
        return userValue(host.core, comment.authorId);
      case 'body':
        return new RichTextValue(comment.body, `comment:${comment.id}`);
      case 'created':
        return new DateValue(comment.created);
      case 'updated':
        return new DateValue(comment.updated);
      case 'visibility':
        return comment.visibility ? new CommentVisibilityValue(comment.visibility, comment.id) : null;
      case 'properties':
        this.properties ??= new EntityPropertiesValue(
          `comment:${comment.id}`,
          () => comment.properties,
          host,
        );
        return this.properties;
      default:
        return undefined;
    }
  }

  identity(): string {
    return `Comment:${this.comment.id}`;
  }

  /** A comment in the answer is the REST representation GET comment gives (without properties). */
  render(host: EntityHost): Rendered {
    return { json: renderComment(host.core, this.comment), bean: true };
  }
}

export class SecurityLevelValue extends Entity {
  readonly typeName = 'SecurityLevel';
  readonly propertyNames = ['id', 'name', 'description'];

  constructor(readonly level: z.infer<typeof SecurityLevelJson>) {
    super();
  }

  property(name: string): Value | undefined {
    if (name === 'id') return Number(this.level.id);
    if (name === 'name') return this.level.name;
    if (name === 'description') return this.level.description ?? '';
    return undefined;
  }

  identity(): string {
    return `SecurityLevel:${this.level.id}`;
  }

  render(host: EntityHost): Rendered {
    return {
      json: {
        self: `${host.core.baseUrl()}/rest/api/3/securitylevel/${this.level.id}`,
        id: this.level.id,
        name: this.level.name,
        description: this.level.description ?? '',
      },
      bean: true,
    };
  }
}

/** The issue's security level as the emulator stores it (the `security` field, set by `admin.setSecurityLevel`). */
export function securityLevelOf(issue: Issue): SecurityLevelValue | null {
  const parsed = SecurityLevelJson.safeParse(issue.values.get('security'));
  return parsed.success ? new SecurityLevelValue(parsed.data) : null;
}

export class IssueValue extends Entity {
  readonly typeName = 'Issue';
  readonly propertyNames = [
    'id',
    'key',
    'summary',
    'created',
    'updated',
    'securityLevel',
    'comments',
    'properties',
  ];
  private comments: CommentValue[] | undefined;
  private properties: EntityPropertiesValue | undefined;

  constructor(readonly issue: Issue) {
    super();
  }

  property(name: string, host: EntityHost): Value | undefined {
    const issue = this.issue;
    switch (name) {
      case 'id':
        return Number(issue.id);
      case 'key':
        return issue.key;
      case 'summary': {
        const summary = issue.values.get('summary');
        return typeof summary === 'string' ? summary : null;
      }
      case 'created':
        return new DateValue(issue.created);
      case 'updated':
        return new DateValue(issue.updated);
      case 'securityLevel':
        return securityLevelOf(issue);
      case 'comments':
        // Loads every comment of the issue, oldest first: one expensive operation, however many there are.
        if (!this.comments) {
          host.expensive();
          this.comments = host.core.store.commentsOf(issue.id).map((comment) => new CommentValue(comment));
        }
        return this.comments;
      case 'properties':
        this.properties ??= new EntityPropertiesValue(`issue:${issue.id}`, () => issue.properties, host);
        return this.properties;
      default:
        return undefined;
    }
  }

  identity(): string {
    return `Issue:${this.issue.id}`;
  }

  /** Assumed: an issue in the answer is its id and key (the fields are asked for one by one). */
  render(): Rendered {
    return { json: { id: Number(this.issue.id), key: this.issue.key }, bean: true };
  }
}
