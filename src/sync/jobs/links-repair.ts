// The queue job of the links-property repair: it names the walk and the run only; where the run stands is in storage
// (sync/links-repair/run.ts), so every delivery of the job continues from the stored point.
import { z } from 'zod';

export const linksRepairJobSchema = z.object({
  kind: z.literal('links-property-repair'),
  walk: z.string().regex(/^(all|instance-[A-Za-z0-9._-]{1,128})$/),
  runId: z.string().min(1).max(100),
});
export type LinksRepairJob = z.infer<typeof linksRepairJobSchema>;
