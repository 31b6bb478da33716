// @vitest-environment happy-dom
/**
 * The sidebar's save status settles, and the reconnect notice is shown once, when the library goes
 * out of reach (entrypoints/content/SidebarApp.tsx): the notice says what happened and what to do;
 * the control that failed says only that it did not happen.
 */
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RECONNECT_MESSAGE } from '../../entrypoints/content/library-client';
import type { BackgroundRequestInput, Reply } from '../../lib/messages';
import { renderSidebarApp } from '../helpers/sidebar-app';
import { SEED_URLS, seedText, summaryOf } from '../helpers/seeds';

afterEach(cleanup);

const summary = summaryOf(seedText('23-017-456'), SEED_URLS['23-017-456']);
const unsaved: Reply = { ok: true, status: { saved: false, savedAt: null, tags: [], note: '' } };
const offline: Reply = { ok: false, error: 'unavailable', message: RECONNECT_MESSAGE };

function renderApp(request: (r: BackgroundRequestInput) => Promise<Reply>) {
  let showNotice: (message: string) => void = () => {};
  renderSidebarApp(summary, {
    library: { request, text: () => seedText('23-017-456'), url: SEED_URLS['23-017-456'] },
    registerNotice: (show) => (showNotice = show),
  });
  return { notice: (message: string) => showNotice(message) };
}

/** How many times the text is on screen, in any element. */
const timesShown = (text: string) => screen.queryAllByText((_, el) => el?.textContent === text && el.children.length === 0).length;

describe('SidebarApp when the library goes out of reach', () => {
  it('ends "Saving…" with "Not saved." and says to reconnect once, also after the connection watcher says it too', async () => {
    let answer: (reply: Reply) => void = () => {};
    const request = vi.fn((r: BackgroundRequestInput) =>
      r.type === 'case-status' ? Promise.resolve(unsaved) : new Promise<Reply>((resolve) => (answer = resolve)),
    );
    const app = renderApp(request);
    const save = await screen.findByRole('button', { name: 'Save' });
    fireEvent.click(save);
    await screen.findByRole('button', { name: 'Saving…' });

    // The connection watcher notices first, then the request in flight settles as unavailable.
    app.notice(RECONNECT_MESSAGE);
    answer(offline);
    await screen.findByRole('alert');
    expect(screen.getByRole('alert').textContent).toBe('Not saved.');
    expect((screen.getByRole('button', { name: 'Save' }) as HTMLButtonElement).disabled).toBe(false);
    expect(timesShown(RECONNECT_MESSAGE)).toBe(1);

    // Trying again says the same, still once.
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    answer(offline);
    await waitFor(() => expect(request).toHaveBeenCalledTimes(3));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Not saved.'));
    expect(timesShown(RECONNECT_MESSAGE)).toBe(1);
  });

  it('shows any other failure at the control, in its own words', async () => {
    const message = 'Not saved: your disk is nearly full (0.4 MB free; the library needs 64 MB free to write safely).';
    renderApp((r) => Promise.resolve(r.type === 'case-status' ? unsaved : { ok: false, error: 'storage-full', message }));
    fireEvent.click(await screen.findByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toBe(message);
    expect(timesShown(RECONNECT_MESSAGE)).toBe(0);
  });
});
