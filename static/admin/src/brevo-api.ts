// The admin page's Brevo account calls (docs/resolver-contract.md, "Admin page resolver"): saving an account (the
// `saveInstance` key, which takes both kinds), the pickers' options, "Create missing attributes", the account's status
// and its backfill ("Send the last N days").
import { z } from 'zod';
import { callResolver } from '../../shared/resolver';
import {
  BackfillRunSchema,
  BrevoAccountViewSchema,
  BrevoOptionsSchema,
  BrevoStatusSchema,
  type BrevoAccountInput,
} from './brevo-view';

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

export function getBrevoStatus(id: string) {
  return callResolver('getBrevoStatus', { id }, BrevoStatusSchema);
}

export function getBrevoBackfill(id: string) {
  return callResolver('getBrevoBackfill', { id }, z.object({ run: BackfillRunSchema.nullable() }));
}

export function startBrevoBackfill(id: string, days: number) {
  return callResolver('startBrevoBackfill', { id, days }, z.object({ run: BackfillRunSchema }));
}

export function resumeBrevoBackfill(id: string) {
  return callResolver('resumeBrevoBackfill', { id }, z.object({ run: BackfillRunSchema }));
}
