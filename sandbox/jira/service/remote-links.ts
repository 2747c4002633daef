// The remote issue link use cases: create or update by global id, replace, remove.
import type { Json } from '../state/json';
import type { Issue, RemoteLink } from '../state/types';
import type { JiraCore } from './core';

export interface RemoteLinkInput {
  globalId?: string;
  application?: Json;
  relationship?: string;
  object: Json;
}

/** Like Jira, a POST whose `globalId` matches an existing link of the issue updates that link in place. */
export function upsertRemoteLink(
  core: JiraCore,
  issue: Issue,
  input: RemoteLinkInput,
): { link: RemoteLink; created: boolean } {
  const existing =
    input.globalId === undefined ? undefined : issue.remoteLinks.find((l) => l.globalId === input.globalId);
  if (existing) {
    replaceRemoteLink(existing, input);
    return { link: existing, created: false };
  }
  const link: RemoteLink = { id: Number(core.store.nextId('remoteLink')), object: input.object };
  replaceRemoteLink(link, input);
  issue.remoteLinks.push(link);
  return { link, created: true };
}

export function replaceRemoteLink(link: RemoteLink, input: RemoteLinkInput): void {
  link.object = input.object;
  if (input.globalId !== undefined) link.globalId = input.globalId;
  else delete link.globalId;
  if (input.application !== undefined) link.application = input.application;
  else delete link.application;
  if (input.relationship !== undefined) link.relationship = input.relationship;
  else delete link.relationship;
}

export function removeRemoteLinks(issue: Issue, match: (link: RemoteLink) => boolean): number {
  const before = issue.remoteLinks.length;
  issue.remoteLinks = issue.remoteLinks.filter((link) => !match(link));
  return before - issue.remoteLinks.length;
}
