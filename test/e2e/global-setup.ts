/**
 * Builds the production extension once for every e2e file: the tests must exercise what users
 * install, and building per file would dominate the run time.
 * `E2E_SKIP_BUILD=1` reuses whatever is in .output/chrome-mv3 (e.g. while someone else's
 * entrypoint is mid-edit and does not build).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildExtension, chromiumPath, DEFAULT_EXTENSION_PATH } from '../../scripts/browser-harness';

export default async function setup(): Promise<void> {
  // Fail before the slow build, with the install command in the message.
  chromiumPath();
  if (process.env.E2E_SKIP_BUILD === '1') {
    if (!existsSync(join(DEFAULT_EXTENSION_PATH, 'manifest.json'))) {
      throw new Error(`E2E_SKIP_BUILD=1 but ${DEFAULT_EXTENSION_PATH} holds no build: run \`npx wxt build\``);
    }
    return;
  }
  await buildExtension();
}
