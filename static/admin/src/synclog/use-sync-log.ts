// One page of the sync log at a time, newest first, appended by "Load more" through the backend's cursor. A filter
// change starts over; answers to an older filter are dropped so they cannot overwrite a newer one.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ResolverError } from '../../../shared/envelope';
import { getSyncLog, retrySyncEvent, type SyncEvent, type SyncLevel } from '../api';

export const PAGE_SIZE = 50;

export interface SyncLogFilters {
  instanceId: string | undefined;
  level: SyncLevel | undefined;
  /** the errors report: only errors no later run fixed yet (issue 20) */
  unresolved?: boolean;
}

export interface SyncLogState {
  entries: SyncEvent[];
  cursor: string | undefined;
  loading: 'first' | 'more' | undefined;
  error: ResolverError | undefined;
}

export function useSyncLog(filters: SyncLogFilters) {
  const [state, setState] = useState<SyncLogState>({
    entries: [],
    cursor: undefined,
    loading: 'first',
    error: undefined,
  });
  const generation = useRef(0);
  const { instanceId, level, unresolved } = filters;

  const fetchPage = useCallback(
    async (cursor: string | undefined) => {
      const mine = generation.current;
      setState((current) => ({ ...current, loading: cursor ? 'more' : 'first', error: undefined }));
      const result = await getSyncLog({
        ...(instanceId ? { instanceId } : {}),
        ...(level ? { level } : {}),
        ...(unresolved ? { unresolved } : {}),
        limit: PAGE_SIZE,
        ...(cursor ? { cursor } : {}),
      });
      if (mine !== generation.current) return;
      setState((current) =>
        result.ok
          ? {
              entries: cursor ? [...current.entries, ...result.data.entries] : result.data.entries,
              cursor: result.data.cursor,
              loading: undefined,
              error: undefined,
            }
          : { ...current, loading: undefined, error: result.error },
      );
    },
    [instanceId, level, unresolved],
  );

  const reload = useCallback(() => {
    generation.current += 1;
    setState({ entries: [], cursor: undefined, loading: 'first', error: undefined });
    void fetchPage(undefined);
  }, [fetchPage]);

  useEffect(() => {
    reload();
  }, [reload]);

  const loadMore = useCallback(() => {
    if (state.cursor) void fetchPage(state.cursor);
  }, [fetchPage, state.cursor]);

  const retry = useCallback(async (entry: SyncEvent) => {
    const result = await retrySyncEvent(entry.id);
    // Someone else retried it first: the entry is retried either way.
    if (result.ok || result.error.code === 'ALREADY_RETRIED') {
      setState((current) => ({
        ...current,
        entries: current.entries.map((other) =>
          other.id === entry.id ? { ...other, status: 'retried' } : other,
        ),
      }));
    }
    return result;
  }, []);

  return { state, reload, loadMore, retry };
}
