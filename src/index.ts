// The handlers named in manifest.yml, and nothing else (test/contract holds the two to each other).
export { onIssueEvent } from './entry/triggers';
export { outboundWorker } from './entry/consumers';
