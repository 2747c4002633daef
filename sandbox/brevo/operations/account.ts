import type { OperationHandler } from './types';
import { accountBody } from './views';

/** GET /account */
export const getAccount: OperationHandler = ({ account }) => ({ status: 200, body: accountBody(account) });
