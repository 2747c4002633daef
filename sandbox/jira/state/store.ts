// The in-memory Jira site: entities by immutable id, issue keys as an index, and the id sequences.
import type { PermissionGrants } from './permissions';
import type {
  Comment,
  CustomField,
  Issue,
  IssueType,
  Priority,
  Project,
  Sprint,
  Status,
  User,
  Version,
} from './types';

export type Sequence =
  | 'issue'
  | 'comment'
  | 'changelog'
  | 'remoteLink'
  | 'project'
  | 'version'
  | 'status'
  | 'issueType'
  | 'customField'
  | 'option'
  | 'sprint';

const FIRST_IDS: Record<Sequence, number> = {
  issue: 10000,
  comment: 10000,
  changelog: 10000,
  remoteLink: 10000,
  project: 10000,
  version: 10000,
  status: 10100,
  issueType: 10100,
  customField: 10050,
  option: 10200,
  // Jira Software numbers sprints from 1, site-wide.
  sprint: 1,
};

/**
 * The in-memory Jira site. Entities are keyed by their immutable ids; issue keys are only an index,
 * because apps must store ids (keys change when an issue moves).
 */
export class JiraStore {
  readonly statuses = new Map<string, Status>();
  readonly issueTypes = new Map<string, IssueType>();
  readonly priorities = new Map<string, Priority>();
  readonly customFields = new Map<string, CustomField>();
  readonly projects = new Map<string, Project>();
  readonly users = new Map<string, User>();
  readonly grants = new Map<string, PermissionGrants>();
  readonly issues = new Map<string, Issue>();
  readonly comments = new Map<string, Comment>();
  readonly sprints = new Map<number, Sprint>();
  readonly roles = new Set<string>();
  readonly groups = new Set<string>();
  defaultPriorityId = '3';

  private readonly issueIdByKey = new Map<string, string>();
  private readonly sequences = new Map<Sequence, number>();

  nextId(sequence: Sequence): string {
    const next = this.sequences.get(sequence) ?? FIRST_IDS[sequence];
    this.sequences.set(sequence, next + 1);
    return String(next);
  }

  /** The next id of each sequence used so far, for snapshots: a restored site continues after the saved ids. */
  sequencePositions(): Array<[Sequence, number]> {
    return [...this.sequences];
  }

  /** Keeps explicit ids (from fixtures) from colliding with generated ones. */
  reserveId(sequence: Sequence, id: string): void {
    const numeric = Number(id);
    if (!Number.isInteger(numeric)) return;
    const next = this.sequences.get(sequence) ?? FIRST_IDS[sequence];
    if (numeric >= next) this.sequences.set(sequence, numeric + 1);
  }

  projectByIdOrKey(ref: string): Project | undefined {
    const byId = this.projects.get(ref);
    if (byId) return byId;
    const upper = ref.toUpperCase();
    return [...this.projects.values()].find((project) => project.key === upper);
  }

  /** Version ids are unique across the site; the project is where the version lives. */
  versionById(id: string): { project: Project; version: Version } | undefined {
    for (const project of this.projects.values()) {
      const version = project.versions.find((candidate) => candidate.id === id);
      if (version) return { project, version };
    }
    return undefined;
  }

  issueByIdOrKey(ref: string): Issue | undefined {
    const byId = this.issues.get(ref);
    if (byId) return byId;
    const id = this.issueIdByKey.get(ref.toUpperCase());
    return id === undefined ? undefined : this.issues.get(id);
  }

  addIssue(issue: Issue): void {
    this.issues.set(issue.id, issue);
    this.issueIdByKey.set(issue.key, issue.id);
  }

  removeIssue(issue: Issue): void {
    this.issues.delete(issue.id);
    this.issueIdByKey.delete(issue.key);
    for (const comment of this.commentsOf(issue.id)) this.comments.delete(comment.id);
  }

  /** Oldest first, like Jira's default comment order. */
  commentsOf(issueId: string): Comment[] {
    return [...this.comments.values()]
      .filter((comment) => comment.issueId === issueId)
      .sort((a, b) => a.created - b.created || Number(a.id) - Number(b.id));
  }

  issueTypeByIdOrName(ref: string): IssueType | undefined {
    const byId = this.issueTypes.get(ref);
    if (byId) return byId;
    const lower = ref.toLowerCase();
    return [...this.issueTypes.values()].find((type) => type.name.toLowerCase() === lower);
  }

  statusByIdOrName(ref: string): Status | undefined {
    const byId = this.statuses.get(ref);
    if (byId) return byId;
    const lower = ref.toLowerCase();
    return [...this.statuses.values()].find((status) => status.name.toLowerCase() === lower);
  }

  requireStatus(id: string): Status {
    const status = this.statuses.get(id);
    if (!status) throw new Error(`Jira emulator state is inconsistent: unknown status ${id}`);
    return status;
  }

  requireIssueType(id: string): IssueType {
    const type = this.issueTypes.get(id);
    if (!type) throw new Error(`Jira emulator state is inconsistent: unknown issue type ${id}`);
    return type;
  }

  requireProject(id: string): Project {
    const project = this.projects.get(id);
    if (!project) throw new Error(`Jira emulator state is inconsistent: unknown project ${id}`);
    return project;
  }
}
