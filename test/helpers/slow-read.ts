/** A Dexie middleware for race tests: the next read of a case is made slow, on demand. */
import type { LensDatabase } from '../../lib/library/database';

/**
 * Makes the next `get` (of `table`, or of any table) slow, keeping its transaction busy (repeated
 * reads, not a timer, so IndexedDB does not commit it meanwhile): another write then has time to run
 * between that read and the write after it, unless the transaction keeps it out. `reached` resolves
 * when the slow read starts.
 */
export function slowNextRead(db: LensDatabase, ms: number, table?: string): { arm: () => void; reached: Promise<void> } {
  let armed = false;
  let reach: () => void = () => {};
  const reached = new Promise<void>((resolve) => (reach = resolve));
  db.use({
    stack: 'dbcore',
    name: 'slow-read',
    create: (down) => ({
      ...down,
      table: (name) => {
        const inner = down.table(name);
        return {
          ...inner,
          get: async (req) => {
            const value = await inner.get(req);
            if (armed && (table === undefined || name === table)) {
              armed = false;
              reach();
              const until = Date.now() + ms;
              while (Date.now() < until) await inner.get(req);
            }
            return value;
          },
        };
      },
    }),
  });
  return { arm: () => (armed = true), reached };
}
