/**
 * Builds the production extension once for every e2e file: the tests must exercise what users
 * install, and building per file would dominate the run time.
 * `E2E_SKIP_BUILD=1` reuses whatever is in .output/chrome-mv3 and .output/firefox-mv2 (e.g. while someone else's
 * entrypoint is mid-edit and does not build).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildExtension, chromiumPath } from '../../scripts/browser-harness';
import { EXTENSION_BUILDS, firefoxPath } from '../../scripts/extension-browsers';

export default async function setup(): Promise<void> {
  // Fail before the slow build, with the install command in the message.
  chromiumPath();
  firefoxPath();
  if (process.env.E2E_SKIP_BUILD === '1') {
    for (const build of Object.values(EXTENSION_BUILDS)) {
      if (!existsSync(join(build, 'manifest.json')))
        throw new Error(`E2E_SKIP_BUILD=1 but ${build} holds no build: run \`npx wxt build\` and \`npx wxt build -b firefox\``);
    }
    return;
  }
  // One after the other: WXT's prepare step writes .wxt/ for each build.
  await buildExtension('chrome');
  await buildExtension('firefox');
}
