// @vitest-environment happy-dom
/**
 * The live query behind the library's list: it follows writes, and while paused (a backup import
 * under way in the library page) it keeps its last value and reads nothing; unpaused, it reads once.
 */
// Dexie's liveQuery runs its querier only when a global indexedDB exists (see PopupApp.test.tsx).
import 'fake-indexeddb/auto';
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useLiveQuery } from '../../components/use-live-query';
import { CaseStore } from '../../lib/library/case-store';
import { LensDatabase } from '../../lib/library/database';
import { SEED_URLS, seedText, summaryOf, type SeedRef } from '../helpers/seeds';

let db: LensDatabase;
let store: CaseStore;
let reads = 0;

beforeEach(() => {
  db = new LensDatabase(`live-query-${Math.random()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  store = new CaseStore(db);
  reads = 0;
});

afterEach(() => {
  cleanup();
  db.close();
});

async function save(ref: SeedRef) {
  const result = await store.save({ summary: summaryOf(seedText(ref), SEED_URLS[ref]), text: seedText(ref), url: SEED_URLS[ref] });
  if (!result.ok) throw new Error(result.message);
}

function Count(props: { paused: boolean }) {
  const state = useLiveQuery(
    () => {
      reads++;
      return store.count();
    },
    [],
    props.paused,
  );
  return <p>{state.status === 'ready' ? `${state.value} saved` : state.status}</p>;
}

describe('useLiveQuery', () => {
  it('follows writes; while paused it keeps its last value and reads nothing; unpaused it reads the library as it is', async () => {
    const view = render(<Count paused={false} />);
    await screen.findByText('0 saved');
    await save('18-009-360');
    await screen.findByText('1 saved');

    view.rerender(<Count paused={true} />);
    const readsWhenPaused = reads;
    await save('19-015-077');
    await save('20-003-139');
    // Two writes that would each have re-run the query: still the value from before the pause, and no read.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(screen.getByText('1 saved')).toBeTruthy();
    expect(reads).toBe(readsWhenPaused);

    view.rerender(<Count paused={false} />);
    await waitFor(() => expect(screen.getByText('3 saved')).toBeTruthy());
  });
});
