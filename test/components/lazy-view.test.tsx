// @vitest-environment happy-dom
/**
 * A view loaded as a chunk when first drawn (components/lazy-view.tsx): a busy status while it
 * loads, the view once loaded (at once, every later time), an alert saying what to do if it cannot
 * load. The build's chunks themselves are loaded in real browsers by the e2e tests that open each
 * view (journeys, corrections, citations, case-pack), which wait for what the view draws.
 */
import { act, cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { chunkFailure, lazyView, loadChunk } from '../../components/lazy-view';

afterEach(cleanup);

function Greeting({ name }: { name: string }) {
  return <p>Hello, {name}</p>;
}

/** A load the test finishes by hand. */
function heldLoad() {
  let resolve!: (view: typeof Greeting) => void;
  let reject!: (error: Error) => void;
  const load = vi.fn(
    () =>
      new Promise<typeof Greeting>((res, rej) => {
        resolve = res;
        reject = rej;
      }),
  );
  return { load, resolve: (view: typeof Greeting) => resolve(view), reject: (error: Error) => reject(error) };
}

describe('lazyView', () => {
  it('says it is loading, with aria-busy, then draws the view with its props; later it is drawn at once, loaded once', async () => {
    const held = heldLoad();
    const LazyGreeting = lazyView('greeting', held.load);
    render(<LazyGreeting name="Ann" />);
    const status = screen.getByRole('status');
    expect(status.textContent).toBe('Loading the greeting…');
    expect(status.getAttribute('aria-busy')).toBe('true');
    expect(screen.queryByRole('alert')).toBeNull();

    held.resolve(Greeting);
    expect(await screen.findByText('Hello, Ann')).toBeTruthy();
    expect(screen.queryByRole('status')).toBeNull();

    cleanup();
    render(<LazyGreeting name="Bob" />);
    expect(screen.getByText('Hello, Bob')).toBeTruthy();
    expect(held.load).toHaveBeenCalledOnce();
  });

  it('says so, and what to do, when the chunk cannot be loaded; the next time it is drawn it tries again', async () => {
    const held = heldLoad();
    const LazyGreeting = lazyView('greeting', held.load);
    render(<LazyGreeting name="Ann" />);
    held.reject(new TypeError('Failed to fetch dynamically imported module: chunks/Greeting-x.js'));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(
      'The greeting could not be loaded (Failed to fetch dynamically imported module: chunks/Greeting-x.js). The extension may have been updated or reloaded since this window opened: close it and open the library again.',
    );
    expect(screen.queryByRole('status')).toBeNull();

    cleanup();
    render(<LazyGreeting name="Ann" />);
    expect(screen.getByRole('status').textContent).toBe('Loading the greeting…');
    held.resolve(Greeting);
    expect(await screen.findByText('Hello, Ann')).toBeTruthy();
    expect(held.load).toHaveBeenCalledTimes(2);
  });

  it('a view closed before its chunk came is drawn at once the next time', async () => {
    const held = heldLoad();
    const LazyGreeting = lazyView('greeting', held.load);
    const { unmount } = render(<LazyGreeting name="Ann" />);
    unmount();
    await act(() => held.resolve(Greeting));
    expect(document.body.textContent).toBe('');
    render(<LazyGreeting name="Bob" />);
    expect(screen.getByText('Hello, Bob')).toBeTruthy();
    expect(held.load).toHaveBeenCalledOnce();
  });
});

describe('loadChunk', () => {
  it('gives the module, or null with the failure said', async () => {
    const onFailure = vi.fn();
    expect(await loadChunk('The export', async () => ({ ok: 1 }), onFailure)).toEqual({ ok: 1 });
    expect(onFailure).not.toHaveBeenCalled();
    expect(await loadChunk('The export', () => Promise.reject(new TypeError('Failed to fetch')), onFailure)).toBeNull();
    expect(onFailure).toHaveBeenCalledWith(chunkFailure('The export', new TypeError('Failed to fetch')));
    expect(onFailure.mock.lastCall![0]).toMatch(/^The export could not be loaded \(Failed to fetch\)\./);
  });
});
