// The configured instances and Brevo accounts, shared by the instances tab (which changes them) and the sync log (which
// names them).
import { useCallback, useEffect, useState } from 'react';
import type { ResolverError } from '../../shared/envelope';
import { getSettings, type AnyInstanceView } from './api';

export type Settings =
  | { phase: 'loading' }
  | { phase: 'failed'; error: ResolverError }
  | { phase: 'ready'; instances: AnyInstanceView[] };

export function useSettings() {
  const [settings, setSettings] = useState<Settings>({ phase: 'loading' });

  const load = useCallback(async () => {
    setSettings({ phase: 'loading' });
    const result = await getSettings();
    setSettings(
      result.ok
        ? { phase: 'ready', instances: result.data.instances }
        : { phase: 'failed', error: result.error },
    );
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const saved = useCallback((instance: AnyInstanceView) => {
    setSettings((current) => {
      if (current.phase !== 'ready') return current;
      const known = current.instances.some((other) => other.id === instance.id);
      return {
        phase: 'ready',
        instances: known
          ? current.instances.map((other) => (other.id === instance.id ? instance : other))
          : [...current.instances, instance],
      };
    });
  }, []);

  const deleted = useCallback((id: string) => {
    setSettings((current) =>
      current.phase === 'ready'
        ? { phase: 'ready', instances: current.instances.filter((other) => other.id !== id) }
        : current,
    );
  }, []);

  return { settings, reload: load, saved, deleted };
}
