// Issue 19: the admin page's "Faster sync" settings go through the real resolvers — saved with the instance, shown by
// getSettings, refused per field when out of range — and the saved check interval is the one the hot checks use.
import { z } from 'zod';
import { currentSettings, savedSchema } from '../admin/admin-harness';
import { createWorld, dataOf, errorOf, type World } from '../world';

const hotViewSchema = z.looseObject({
  id: z.string(),
  hotWindowMinutes: z.number().optional(),
  hotCheckSeconds: z.number().optional(),
  hotTicketCap: z.number().optional(),
});

describe('faster sync settings through the admin resolvers', () => {
  let world: World;
  afterEach(async () => world.close());

  async function shown(w: World) {
    const all = dataOf(await w.admin('getSettings'), z.looseObject({ instances: z.array(hotViewSchema) }));
    return all.instances.find((instance) => instance.id === w.instanceId);
  }

  it('saves the three settings with the instance, shows them, and drops them when sent blank', async () => {
    world = await createWorld();
    expect(await shown(world)).not.toHaveProperty('hotCheckSeconds');
    const settings = await currentSettings(world);
    const hot = { hotWindowMinutes: 15, hotCheckSeconds: 30, hotTicketCap: 5 };
    dataOf(await world.admin('saveInstance', { instance: { ...settings, ...hot } }), savedSchema);
    expect(await shown(world)).toMatchObject(hot);
    // The editor leaves a blank setting out: it reads as the default again.
    dataOf(await world.admin('saveInstance', { instance: settings }), savedSchema);
    const after = await shown(world);
    expect(after).not.toHaveProperty('hotWindowMinutes');
    expect(after).not.toHaveProperty('hotCheckSeconds');
    expect(after).not.toHaveProperty('hotTicketCap');
  });

  it('refuses values out of range or not whole numbers, per field, and stores nothing', async () => {
    world = await createWorld();
    const settings = await currentSettings(world);
    const error = errorOf(
      await world.admin('saveInstance', {
        instance: { ...settings, hotWindowMinutes: 0, hotCheckSeconds: 10, hotTicketCap: null },
      }),
    );
    expect(error.code).toBe('INVALID_INPUT');
    expect(z.object({ issues: z.array(z.unknown()) }).parse(error.details).issues).toEqual([
      { path: 'hotWindowMinutes', message: 'Hot window must be a whole number from 1 to 60.' },
      { path: 'hotCheckSeconds', message: 'Hot check interval must be a whole number from 30 to 60.' },
      { path: 'hotTicketCap', message: 'Hot tickets at a time must be a whole number from 0 to 50.' },
    ]);
    expect(await shown(world)).not.toHaveProperty('hotWindowMinutes');
  });

  it('checks a hot ticket at the saved interval, and not at all with a cap of 0', async () => {
    world = await createWorld();
    const settings = await currentSettings(world);
    dataOf(
      await world.admin('saveInstance', { instance: { ...settings, hotCheckSeconds: 30 } }),
      savedSchema,
    );
    const issue = world.createIssue();
    const ticket = world.createTicket();
    await world.link(issue, ticket);
    const openedAt = world.sandbox.now();
    await world.panel('getLinkedTickets', {}, { issue });
    expect(world.sandbox.queue.pendingCount()).toBe(1);
    expect((world.sandbox.queue.nextAvailableAt() ?? 0) - openedAt).toBeGreaterThanOrEqual(30_000);
    expect((world.sandbox.queue.nextAvailableAt() ?? 0) - openedAt).toBeLessThan(31_000);
    await world.sandbox.drain();

    dataOf(await world.admin('saveInstance', { instance: { ...settings, hotTicketCap: 0 } }), savedSchema);
    world.sandbox.advanceClock(11 * 60_000);
    await world.panel('getLinkedTickets', {}, { issue });
    expect(world.sandbox.queue.pendingCount()).toBe(0);
  });
});
