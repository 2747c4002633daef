// The handlers named in manifest.yml, and nothing else (test/contract holds the two to each other).
export { onIssueEvent } from './entry/triggers';
export { onMilestoneEvent } from './entry/milestone-trigger';
export { inboundWorker, outboundWorker } from './entry/consumers';
export { pullTickets } from './entry/scheduled';
export { brevoTeamCapacity } from './entry/capacity-schedule';
export { adminResolver, panelResolver } from './entry/resolvers';
export { pushHint } from './entry/push-hint';
