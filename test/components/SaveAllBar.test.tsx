// @vitest-environment happy-dom
/**
 * The save-all bar: it starts only on a person's own click (a click a page script makes up starts
 * nothing), shows progress with Cancel, and ends with what failed and why, as text.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SaveAllBar, type SaveAllBarProps } from '../../entrypoints/content/save-all/SaveAllBar';
import type { SaveAllProgress, SaveAllReport } from '../../entrypoints/content/save-all/save-decisions';

afterEach(cleanup);

/** A click as the browser makes it for a person: `isTrusted` is true only for those. */
function personClick(element: Element): void {
  const event = new MouseEvent('click', { bubbles: true, cancelable: true });
  Object.defineProperty(event, 'isTrusted', { value: true });
  element.dispatchEvent(event);
}

const report = (over: Partial<SaveAllReport> = {}): SaveAllReport => ({
  saved: [],
  alreadySaved: 0,
  failures: [],
  notAttempted: 0,
  cancelled: false,
  stopped: null,
  ...over,
});

function renderBar(props: Partial<SaveAllBarProps> = {}) {
  const run = vi.fn<SaveAllBarProps['run']>(() => Promise.resolve(report()));
  render(<SaveAllBar unsaved={5} alreadySaved={0} furtherPages={0} run={run} {...props} />);
  return run;
}

describe('SaveAllBar', () => {
  it('offers the page’s unsaved decisions, and starts nothing on a click a script made up', async () => {
    const run = renderBar({ alreadySaved: 2, unsaved: 3 });
    const button = screen.getByRole('button', { name: 'Save the 3 decisions on this page' });
    expect(screen.getByText('2 already in your library (skipped).')).toBeTruthy();
    fireEvent.click(button);
    button.click();
    await Promise.resolve();
    expect(run).not.toHaveBeenCalled();
    personClick(button);
    await vi.waitFor(() => expect(run).toHaveBeenCalledTimes(1));
    expect(run.mock.calls[0]![0]).toBe(0);
  });

  it('lets the person choose further result pages, up to ten, and names them on the button', async () => {
    const run = renderBar({ furtherPages: 22 });
    const input = screen.getByRole('spinbutton');
    expect(input.getAttribute('max')).toBe('10');
    fireEvent.input(input, { target: { value: '3' } });
    const button = await screen.findByRole('button', { name: 'Save the 5 decisions on this page and the next 3 result pages' });
    personClick(button);
    await vi.waitFor(() => expect(run).toHaveBeenCalledTimes(1));
    expect(run.mock.calls[0]![0]).toBe(3);
  });

  it('shows no choice of further pages when the page links to none', () => {
    renderBar();
    expect(screen.queryByRole('spinbutton')).toBeNull();
  });

  it('shows progress with Cancel, and cancelling aborts the run’s signal', async () => {
    let finish!: (r: SaveAllReport) => void;
    let signal!: AbortSignal;
    let progress!: (p: SaveAllProgress) => void;
    renderBar({
      run: (_pages, s, onProgress) => {
        signal = s;
        progress = onProgress;
        return new Promise((resolve) => (finish = resolve));
      },
    });
    personClick(screen.getByRole('button', { name: /^Save the 5/ }));
    await vi.waitFor(() => expect(progress).toBeDefined());
    progress({ pagesRead: 0, pagesTotal: 0, total: 5, saved: 2, failed: 1 });
    await screen.findByText('Saving: 3 of 5 done (2 saved, 1 failed)');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(signal.aborted).toBe(true);
    finish(report({ saved: [{ reference: '18 009 360', url: 'u' }], cancelled: true, notAttempted: 2 }));
    await screen.findByText('Cancelled: 2 decisions were not fetched.');
  });

  it('lists each failure with its reason, as text even when it looks like markup', async () => {
    const hostile = '<img src=x onerror="document.body.dataset.pwned=1">';
    renderBar({
      run: () =>
        Promise.resolve(
          report({
            saved: [{ reference: '18 009 360', url: 'u' }],
            alreadySaved: 1,
            failures: [{ what: '23 004 519', url: 'x', reason: 'not-a-decision', message: hostile }],
          }),
        ),
    });
    personClick(screen.getByRole('button', { name: /^Save the 5/ }));
    await screen.findByText('Saved 1 decision. 1 already in your library. 1 could not be saved:');
    const item = screen.getByRole('list', { name: 'Not saved' }).querySelector('li')!;
    expect(item.textContent).toBe(`23 004 519: ${hostile}`);
    expect(item.querySelector('img')).toBeNull();
  });
});
