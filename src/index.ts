// The handlers named in manifest.yml, and nothing else (test/contract holds the two to each other). Each runs with a
// secret registry of its own (lib/logger withSecretScope): tokens are masked per invocation, never process-wide.
import { brevoTeamCapacity as capacityHandler } from './entry/capacity-schedule';
import { inboundWorker as inboundHandler, outboundWorker as outboundHandler } from './entry/consumers';
import { repairLinksProperty as linksRepairHandler } from './entry/links-repair';
import { onMilestoneEvent as milestoneHandler } from './entry/milestone-trigger';
import { pushHint as pushHintHandler } from './entry/push-hint';
import { adminResolver as adminHandler, panelResolver as panelHandler } from './entry/resolvers';
import { pullTickets as pullHandler } from './entry/scheduled';
import { onIssueEvent as issueEventHandler } from './entry/triggers';
import { withSecretScope } from './lib/logger';

export const onIssueEvent = withSecretScope(issueEventHandler);
export const onMilestoneEvent = withSecretScope(milestoneHandler);
export const inboundWorker = withSecretScope(inboundHandler);
export const outboundWorker = withSecretScope(outboundHandler);
export const pullTickets = withSecretScope(pullHandler);
export const brevoTeamCapacity = withSecretScope(capacityHandler);
export const adminResolver = withSecretScope(adminHandler);
export const panelResolver = withSecretScope(panelHandler);
export const pushHint = withSecretScope(pushHintHandler);
export const repairLinksProperty = withSecretScope(linksRepairHandler);
