/**
 * Code that is a chunk of its own, fetched with `import()` the first time it is needed: the views a
 * person opens now and then (figures, comparison, a saved copy with its corrections, the library
 * page's template editor) and the code that writes or reads files (CSV, Zotero, case pack,
 * corrections, backup), so that the first chunk of the popup and the library page, which loads
 * before the list can draw, carries what the list needs (`popupGzipBytes` in BENCHMARKS.md). What
 * such a chunk shares with the first one stays in the first (wxt.config.ts).
 *
 * `lazyView` is what preact/compat's `lazy` and `Suspense` would give, without compat (which is not
 * otherwise in the bundle): while the chunk loads, a short status (`aria-busy`); if it cannot load,
 * an alert that says so and what to do; once loaded, the view is drawn at once, every later time.
 */
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/**
 * Why a chunk fails to load, said to the person. An extension page loads its chunks from the
 * installed extension, so the likely cause is an update or reload of the extension since this page
 * opened: the page's chunks went with the old version. Opening the page again loads the new one.
 * @param what what could not be loaded, capitalised: "The figures".
 */
export function chunkFailure(what: string, error: unknown): string {
  const detail = error instanceof Error ? error.message.split('\n')[0]!.slice(0, 200) : String(error);
  return `${what} could not be loaded (${detail}). The extension may have been updated or reloaded since this window opened: close it and open the library again.`;
}

/**
 * Loads a chunk for an action (an export): its module, or null once the failure has been said
 * through `onFailure`, so the action stops before it starts.
 */
export async function loadChunk<T>(what: string, load: () => Promise<T>, onFailure: (message: string) => void): Promise<T | null> {
  try {
    return await load();
  } catch (error) {
    onFailure(chunkFailure(what, error));
    return null;
  }
}

/**
 * A component drawn from a chunk loaded when it is first drawn.
 * @param what the view, for its loading status and failure: "figures" ("Loading the figures…").
 * @param load `() => import('…').then((m) => m.View)`.
 */
export function lazyView<P extends object>(what: string, load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let view: ComponentType<P> | null = null;
  let loading: Promise<unknown> | null = null;
  const loadOnce = () =>
    (loading ??= load().then(
      (loaded) => (view = loaded),
      (error: unknown) => {
        loading = null; // The next time the view is drawn tries again.
        throw error;
      },
    ));

  function LazyView(props: P) {
    const [failure, setFailure] = useState<string | null>(null);
    const [, setLoaded] = useState(false);
    useEffect(() => {
      if (view) return;
      let live = true;
      loadOnce().then(
        () => live && setLoaded(true),
        (error: unknown) => live && setFailure(chunkFailure(`The ${what}`, error)),
      );
      return () => {
        live = false;
      };
    }, []);
    if (view) {
      const View = view;
      return <View {...props} />;
    }
    if (failure !== null)
      return (
        <p class="ol-error" role="alert">
          {failure}
        </p>
      );
    return (
      <p class="ol-muted" role="status" aria-busy="true">
        Loading the {what}…
      </p>
    );
  }
  return LazyView;
}
