// Which Jira issues a ticket's correlation field may link (README.md, "Configuration reference", Extra projects): only
// issues in the projects the instance works with, i.e. its project mappings, its default project and the admin's extra
// projects. A link pulls the issue's comments into the ticket, which customers may see, so a TeamSupport agent must
// not be able to link any issue of the site by typing its key.

/** The settings of an instance that say which projects it works with; a stored TeamSupport instance has them all. */
export interface LinkableProjectSettings {
  defaultProjectKey?: string | undefined;
  projectMappings: readonly { projectKey: string }[];
  extraProjectKeys?: readonly string[] | undefined;
}

/** The keys of the projects whose issues a ticket of this instance may link, upper-cased. */
export function linkableProjects(instance: LinkableProjectSettings): Set<string> {
  const keys = [
    ...instance.projectMappings.map((mapping) => mapping.projectKey),
    ...(instance.defaultProjectKey === undefined ? [] : [instance.defaultProjectKey]),
    ...(instance.extraProjectKeys ?? []),
  ];
  return new Set(keys.map((key) => key.trim().toUpperCase()).filter((key) => key !== ''));
}

/**
 * The project key of an issue key, upper-cased: the part before the last '-', when what follows it is the issue
 * number (Jira's own parsing: https://docs.atlassian.com/jira/latest/com/atlassian/jira/issue/IssueKey.html).
 * Anything else is not an issue key and has no project.
 */
export function projectKeyOfIssueKey(issueKey: string): string | undefined {
  const text = issueKey.trim();
  const dash = text.lastIndexOf('-');
  if (dash <= 0 || !/^\d+$/.test(text.slice(dash + 1))) return undefined;
  return text.slice(0, dash).toUpperCase();
}

/** Whether a ticket of this instance may link the issue with this key; fails closed on anything not an issue key. */
export function mayLinkIssueKey(instance: LinkableProjectSettings, issueKey: string): boolean {
  const project = projectKeyOfIssueKey(issueKey);
  return project !== undefined && linkableProjects(instance).has(project);
}
