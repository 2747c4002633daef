// The CursorStore port: where each instance's pull stands (adapter: store/cursor-store.ts).
import type { PullCursor } from '../records/pull-cursor';

export interface CursorStore {
  load(instanceId: string): Promise<PullCursor | undefined>;
  save(instanceId: string, cursor: PullCursor): Promise<void>;
  clear(instanceId: string): Promise<void>;
}
