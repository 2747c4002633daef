// The figure the admin page shows beside each TeamSupport instance: its requests of the last 24 hours as the app
// metered them (sync/request-meter.ts), against the daily limit in its settings. TeamSupport itself reports nothing
// about what is left (docs/teamsupport-api.md §12). One storage read per instance, in parallel; a figure that cannot be
// read is left out (logged) rather than failing the page.
import type { InstanceView } from '../../domain/config';
import { requestsInWindow } from '../../domain/request-usage';
import type { AdminDeps } from './deps';

export type InstanceViewWithUsage = InstanceView & {
  /** metered requests of the last 24 hours; absent when the record could not be read */
  requestsLast24h?: number;
};

export function withRequestUsage(
  deps: Pick<AdminDeps, 'requestUsage' | 'now' | 'logger'>,
  views: readonly InstanceView[],
): Promise<InstanceViewWithUsage[]> {
  const now = deps.now();
  return Promise.all(
    views.map(async (view) => {
      try {
        return { ...view, requestsLast24h: requestsInWindow(await deps.requestUsage.read(view.id), now) };
      } catch (error) {
        deps.logger.warn('Could not read TeamSupport request usage', { instanceId: view.id, error });
        return view;
      }
    }),
  );
}
