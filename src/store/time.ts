// Stored times are ISO-8601 UTC strings (`Date#toISOString`): they sort chronologically as index ranges, read well in
// storage, and fit attributes that custom entities can index (integer attributes are 32-bit, too small for epoch ms).
import { z } from 'zod';

export const Timestamp = z.iso.datetime();

/** The store's source of "now"; tests pass a fixed or advancing clock. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();
