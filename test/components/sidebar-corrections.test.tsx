// @vitest-environment happy-dom
/**
 * Correcting in the sidebar, against a real library (fake-indexeddb behind the background's message
 * handler): save a seed decision, correct a remedy's amount, a fault's injustice and the outcome,
 * remove an item, add one from a selected sentence; each shows as corrected and is stored.
 */
import { cleanup, configure, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { handleMessage } from '../../entrypoints/background/handle-message';
import { CaseStore } from '../../lib/library/case-store';
import { LensDatabase } from '../../lib/library/database';
import type { SelectedSentence } from '../../components/CorrectionControls';
import type { DecisionSummary } from '../../lib/schema';
import { renderSidebarApp } from '../helpers/sidebar-app';
import { SEED_URLS, seedText, summaryOf, type SeedRef } from '../helpers/seeds';

afterEach(cleanup);
// A save compresses the text and writes fake-indexeddb: on a busy machine that takes more than the default second.
configure({ asyncUtilTimeout: 15_000 });

let dbCount = 0;
function mount(ref: SeedRef, pickSentence?: () => SelectedSentence | string) {
  const db = new LensDatabase(`sidebar-corrections-${++dbCount}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  const store = new CaseStore(db);
  const summary: DecisionSummary = summaryOf(seedText(ref), SEED_URLS[ref]);
  renderSidebarApp(summary, {
    library: { request: (r) => handleMessage(store, r), text: () => seedText(ref), url: SEED_URLS[ref] },
    pickSentence,
  });
  return { store, summary };
}

async function saveIt() {
  expect(screen.queryAllByRole('button', { name: 'Correct' })).toEqual([]); // not before it is saved: corrections are stored with the case
  fireEvent.click(await screen.findByRole('button', { name: 'Save' }));
  await screen.findByRole('button', { name: 'Unsave' });
}

function remedyItem(startsWith: string): HTMLElement {
  return screen.getByText((_, el) => el?.tagName === 'BLOCKQUOTE' && el.textContent!.startsWith(startsWith)).closest('li')!;
}

describe('correcting in the sidebar', () => {
  it('a remedy’s amount: shown corrected, with the parser’s £500 in its title, the total with it, and stored', async () => {
    const { store } = mount('18-009-360');
    await saveIt();
    const item = remedyItem('Pay Mr C £500');
    fireEvent.click(within(item).getByRole('button', { name: 'Correct' }));
    const amount = within(item).getByLabelText(/Amount/);
    fireEvent.input(amount, { target: { value: '750' } });
    fireEvent.blur(amount);
    await waitFor(() => expect(within(remedyItem('Pay Mr C £500')).getByText('£750')).toBeTruthy());
    const mark = within(remedyItem('Pay Mr C £500')).getByText('corrected');
    expect(mark.getAttribute('title')).toBe('Corrected; the parser read: £500');
    expect(screen.getByText(/^Total paid/).textContent).toContain('£750');
    const [entry] = (await store.list()).cases;
    expect(entry!.totalPayments).toBe(750);
  });

  it('an amount that is not a sum is refused in words, and nothing is stored', async () => {
    const { store } = mount('18-009-360');
    await saveIt();
    const item = remedyItem('Pay Mr C £500');
    fireEvent.click(within(item).getByRole('button', { name: 'Correct' }));
    const amount = within(item).getByLabelText(/Amount/);
    fireEvent.input(amount, { target: { value: 'five hundred' } });
    fireEvent.blur(amount);
    expect((await within(item).findByRole('alert')).textContent).toMatch(/Enter a sum in pounds/);
    expect((await store.list()).cases[0]!.corrections).toBeUndefined();
  });

  it('the outcome, and a fault’s injustice', async () => {
    const { store } = mount('18-009-360');
    await saveIt();
    fireEvent.click(screen.getByRole('button', { name: 'Correct the outcome' }));
    fireEvent.change(screen.getByLabelText('Outcome'), { target: { value: 'not-upheld' } });
    await waitFor(() => expect(screen.getByText('Not upheld')).toBeTruthy());
    const faults = within(screen.getByRole('button', { name: /^Faults found/ }).closest('section')!);
    const first = faults.getAllByRole('listitem')[0]!;
    fireEvent.click(within(first).getByRole('button', { name: 'Correct' }));
    fireEvent.change(within(first).getByLabelText(/Injustice/), { target: { value: 'none' } });
    await waitFor(() => expect(within(first).getByText('No injustice')).toBeTruthy());
    const [entry] = (await store.list()).cases;
    expect(entry!.outcomeKind).toBe('not-upheld');
    expect(entry!.corrections!.map((c) => c.field)).toEqual(['outcome', 'injustice']);
  });

  it('removes an item and puts it back; adds one from the selected sentence', async () => {
    // 20 003 139, paragraph 16 (block 21): the Council had already apologised.
    const picked: SelectedSentence = {
      block: 21,
      paragraph: 16,
      sentence: 'It has apologised, which I consider is an appropriate remedy for the injustice caused to Mr X.',
    };
    const { store, summary } = mount('20-003-139', () => picked);
    await saveIt();
    const remedies = () => within(screen.getByRole('button', { name: /^Remedies/ }).closest('section')!);
    expect(remedies().getAllByRole('listitem')).toHaveLength(summary.remedies.length);
    fireEvent.click(remedies().getByRole('button', { name: /Add a remedy it missed/ }));
    await waitFor(() => expect(remedies().getAllByRole('listitem')).toHaveLength(summary.remedies.length + 1));
    const added = remedyItem('It has apologised');
    expect(within(added).getByText('corrected').getAttribute('title')).toBe('Corrected; added by you');

    const parsed = remedyItem('The Council has agreed that within one month');
    fireEvent.click(within(parsed).getByRole('button', { name: 'Correct' }));
    fireEvent.click(within(parsed).getByRole('button', { name: 'Remove: not a remedy' }));
    await waitFor(() => expect(remedies().getAllByRole('listitem')).toHaveLength(summary.remedies.length));
    expect((await store.list()).cases[0]!.corrections!.map((c) => c.field)).toEqual(['added-remedy', 'removed']);
    fireEvent.click(screen.getByText(/Your corrections: 1 removed/));
    fireEvent.click(screen.getByRole('button', { name: 'Put back' }));
    await waitFor(() => expect(remedies().getAllByRole('listitem')).toHaveLength(summary.remedies.length + 1));
  });

  it('without a selection, says what to do', async () => {
    mount('20-003-139', () => 'Select a sentence of the decision first, then press this again.');
    await saveIt();
    fireEvent.click(screen.getByRole('button', { name: /Add a fault it missed/ }));
    expect((await screen.findByText(/Select a sentence of the decision first/)).getAttribute('role')).toBe('alert');
  });
});
