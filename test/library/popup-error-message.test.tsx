// @vitest-environment happy-dom
/**
 * The popup says why the library could not be read once, in the library's own
 * words: no "The library could not be read: The library could not be read: ...".
 */
import 'fake-indexeddb/auto';
import { cleanup, render, screen } from '@testing-library/preact';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, expect, it } from 'vitest';
import { PopupApp } from '../../entrypoints/popup/PopupApp';
import { CaseStore } from '../../lib/library/case-store';
import { LensDatabase } from '../../lib/library/database';

afterEach(() => cleanup());

it('a library closed under the popup: one message, one prefix', async () => {
  const db = new LensDatabase(`popup-error-${Math.random()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  await db.open();
  db.close({ disableAutoOpen: true });
  render(<PopupApp store={new CaseStore(db)} openTab={() => {}} download={() => {}} />);
  const alert = await screen.findByRole('alert');
  expect(alert.textContent).toBe(
    'The library could not be read: the library was closed while this ran (the extension was probably updated or reloaded). Try again.',
  );
});
