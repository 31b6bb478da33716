/**
 * The first script of the popup and the library page (a classic script in their
 * <head>, before the app's module): starts opening the library's database while
 * the app's script loads (lib/library/open-early.ts). Nothing else: it must cost
 * nothing. An unlisted script, so it is built on its own as /library-prefetch.js.
 */
import { defineUnlistedScript } from '#imports';
import { openLibraryEarly } from '../lib/library/open-early';

export default defineUnlistedScript(() => openLibraryEarly());
