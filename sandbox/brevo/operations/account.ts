// The account: GET /account (plan and company, what the app's connection test reads).
import type { OperationHandler } from './types';
import { accountBody } from './views';

/** GET /account */
export const getAccount: OperationHandler = ({ account }) => ({ status: 200, body: accountBody(account) });
