// Whether a read of TeamSupport already includes a change, given minute-precision modification times.
import { readIncludesChange } from './modification-time';

describe('readIncludesChange', () => {
  const at = (iso: string) => new Date(iso);

  it('holds for a change in a minute that had ended (with margin) before the read', () => {
    expect(readIncludesChange(at('2026-12-03T10:04:00Z'), at('2026-12-03T10:05:30Z'))).toBe(true);
  });

  it('does not hold for a change stamped with the minute of the read: a later change would carry it too', () => {
    expect(readIncludesChange(at('2026-12-03T10:05:00Z'), at('2026-12-03T10:05:30Z'))).toBe(false);
  });

  it("keeps a margin for TeamSupport's clock running behind ours", () => {
    // Read at 10:05:10: TeamSupport's clock may still say 10:04:50, so a change stamped 10:04 may follow the read.
    expect(readIncludesChange(at('2026-12-03T10:04:00Z'), at('2026-12-03T10:05:10Z'))).toBe(false);
    expect(readIncludesChange(at('2026-12-03T10:03:00Z'), at('2026-12-03T10:05:10Z'))).toBe(true);
  });
});
