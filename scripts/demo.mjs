#!/usr/bin/env node
/**
 * `node scripts/demo.mjs [--browser chromium|firefox]`: from a fresh clone to the sidebar on a
 * real-looking decision page, in Chromium (the default) or Firefox.
 * Plain Node with no dependencies, because it is what installs them.
 * Steps: Debian's `chromium` and `firefox-esr` if missing (the tests use both), `npm ci` if
 * node_modules is missing or stale, a production build for the browser, then scripts/demo-open.ts
 * (a window, or screenshots without a display).
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const onWindows = process.platform === 'win32';

function fail(message) {
  console.error(`demo: ${message}`);
  process.exit(1);
}

function run(command, args, { env } = {}) {
  console.log(`demo: $ ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: env ? { ...process.env, ...env } : process.env,
    shell: onWindows,
  });
  if (result.error) fail(`could not run ${command}: ${result.error.message}`);
  if (result.status !== 0) fail(`${command} ${args.join(' ')} failed (${result.signal ?? `exit ${result.status}`})`);
}

function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(onWindows ? ';' : ':')) {
    if (!dir) continue;
    try {
      accessSync(join(dir, name), constants.X_OK);
      return true;
    } catch {
      // not in this directory
    }
  }
  return false;
}

/** Debian's packages for the browsers: their own downloads need hosts beyond the package registries. */
const BROWSERS = [
  { name: 'chromium', pkg: 'chromium', env: 'CHROMIUM_PATH', paths: ['/usr/bin/chromium'] },
  { name: 'firefox', pkg: 'firefox-esr', env: 'FIREFOX_PATH', paths: ['/usr/bin/firefox-esr'] },
];

function ensureBrowsers() {
  const missing = BROWSERS.filter((b) => !(process.env[b.env] && existsSync(process.env[b.env])) && !b.paths.some((p) => existsSync(p)));
  if (missing.length === 0) return;
  const packages = missing.map((b) => b.pkg);
  if (!onPath('apt-get')) {
    fail(
      `${packages.join(' and ')} missing and apt-get is not available. Install them and set ${missing.map((b) => b.env).join(' / ')} to their executables.`,
    );
  }
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot && !onPath('sudo')) {
    fail(`${packages.join(' and ')} missing. As root, run: apt-get update && apt-get install -y ${packages.join(' ')}`);
  }
  console.log(`demo: installing Debian's ${packages.join(' and ')}`);
  // `env` carries the variable through sudo, which drops the caller's environment.
  const apt = (args) =>
    isRoot
      ? run('apt-get', args, { env: { DEBIAN_FRONTEND: 'noninteractive' } })
      : run('sudo', ['env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', ...args]);
  apt(['update']);
  apt(['install', '-y', '--no-install-recommends', ...packages]);
}

function ensureDependencies() {
  const lock = join(root, 'package-lock.json');
  // npm rewrites this hidden lockfile on every install, so its age is the age of node_modules.
  const installedMarker = join(root, 'node_modules', '.package-lock.json');
  const stale =
    !existsSync(join(root, 'node_modules')) || !existsSync(installedMarker) || statSync(installedMarker).mtimeMs < statSync(lock).mtimeMs;
  if (stale) run('npm', ['ci']);
}

const args = process.argv.slice(2);
const at = args.indexOf('--browser');
const browser = at >= 0 ? args[at + 1] : (args.find((a) => a.startsWith('--browser='))?.slice('--browser='.length) ?? 'chromium');
if (!BROWSERS.some((b) => b.name === browser)) fail(`--browser must be chromium or firefox, not ${browser}`);

ensureBrowsers();
ensureDependencies();
run('npx', ['wxt', 'build', '-b', browser === 'firefox' ? 'firefox' : 'chrome'], { env: { NODE_ENV: 'production' } });
run('npx', ['tsx', 'scripts/demo-open.ts', '--browser', browser]);
