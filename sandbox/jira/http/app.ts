// The Jira emulator's Express app: the middleware order (log, body, principal, faults) and every route table.
import express, { type Express } from 'express';
import { expressionRoutes } from '../expressions/route';
import type { FaultPlan } from '../faults/faults';
import type { RequestLog } from '../faults/request-log';
import { assignableUserRoutes } from '../routes/assignable-users';
import { commentPropertyRoutes } from '../routes/comment-properties';
import { commentRoutes } from '../routes/comments';
import { createMetaRoutes } from '../routes/createmeta';
import { issuePropertyRoutes } from '../routes/issue-properties';
import { issueRoutes } from '../routes/issues';
import { metadataRoutes } from '../routes/metadata';
import { projectRoutes } from '../routes/projects';
import { remoteLinkRoutes } from '../routes/remote-links';
import { searchRoutes } from '../routes/search';
import { transitionRoutes } from '../routes/transitions';
import { userRoutes } from '../routes/users';
import { versionRoutes } from '../routes/versions';
import type { HttpEnv } from './operation';
import { authenticate, errorHandler, injectFaults, logRequests, unmatchedRoute } from './pipeline';

const MAX_BODY = '10mb';

/** Order matters: log → body → principal (401) → faults → operations → unmatched → errors. */
export function createJiraApp(env: HttpEnv, faults: FaultPlan, log: RequestLog): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(logRequests(env, log));
  // Raw text for every content type: the operation layer decides what a valid JSON body is (415/400 like Jira).
  app.use(express.text({ type: () => true, limit: MAX_BODY }));
  app.use(authenticate(env));
  app.use(injectFaults(faults));
  // createmeta before issues so `/issue/createmeta/...` never reads as an issue key.
  for (const routes of [
    createMetaRoutes,
    issueRoutes,
    commentRoutes,
    commentPropertyRoutes,
    transitionRoutes,
    remoteLinkRoutes,
    issuePropertyRoutes,
    searchRoutes,
    projectRoutes,
    metadataRoutes,
    userRoutes,
    assignableUserRoutes,
    versionRoutes,
    expressionRoutes,
  ]) {
    app.use(routes(env));
  }
  app.use(unmatchedRoute(env));
  app.use(errorHandler());
  return app;
}
