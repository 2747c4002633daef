// The admin page's Brevo account calls (docs/resolver-contract.md, "Admin page resolver"): saving an account (the
// `saveInstance` key, which takes both kinds), the pickers' options and "Create missing attributes".
import { z } from 'zod';
import { callResolver } from '../../shared/resolver';
import { BrevoAccountViewSchema, BrevoOptionsSchema, type BrevoAccountInput } from './brevo-view';

export function saveBrevoAccount(account: BrevoAccountInput) {
  return callResolver(
    'saveInstance',
    { instance: { ...account } },
    z.object({ instance: BrevoAccountViewSchema }),
  );
}

export function getBrevoOptions(id: string | undefined) {
  return callResolver('getBrevoOptions', id === undefined ? {} : { id }, BrevoOptionsSchema);
}

export function createBrevoAttributes(id: string) {
  return callResolver('createBrevoAttributes', { id }, z.object({ created: z.array(z.string()) }));
}
