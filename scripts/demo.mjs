#!/usr/bin/env node
/**
 * `node scripts/demo.mjs`: from a fresh clone to the sidebar on a real-looking decision page.
 * Plain Node with no dependencies, because it is what installs them.
 * Steps: Debian's Chromium if missing, `npm ci` if node_modules is missing or stale,
 * a production build, then scripts/demo-open.ts (a window, or screenshots without a display).
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

function ensureChromium() {
  if (process.env.CHROMIUM_PATH && existsSync(process.env.CHROMIUM_PATH)) return;
  if (existsSync('/usr/bin/chromium')) return;
  // Playwright's own browser download needs hosts beyond the package registries; Debian's package does not.
  if (!onPath('apt-get')) {
    fail('Chromium is missing and apt-get is not available. Install Chromium and set CHROMIUM_PATH to its executable.');
  }
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot && !onPath('sudo')) {
    fail('Chromium is missing. As root, run: apt-get update && apt-get install -y chromium');
  }
  console.log("demo: installing Debian's chromium");
  // `env` carries the variable through sudo, which drops the caller's environment.
  const apt = (args) =>
    isRoot
      ? run('apt-get', args, { env: { DEBIAN_FRONTEND: 'noninteractive' } })
      : run('sudo', ['env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', ...args]);
  apt(['update']);
  apt(['install', '-y', 'chromium']);
}

function ensureDependencies() {
  const lock = join(root, 'package-lock.json');
  // npm rewrites this hidden lockfile on every install, so its age is the age of node_modules.
  const installedMarker = join(root, 'node_modules', '.package-lock.json');
  const stale =
    !existsSync(join(root, 'node_modules')) ||
    !existsSync(installedMarker) ||
    statSync(installedMarker).mtimeMs < statSync(lock).mtimeMs;
  if (stale) run('npm', ['ci']);
}

ensureChromium();
ensureDependencies();
run('npx', ['wxt', 'build']);
run('npx', ['tsx', 'scripts/demo-open.ts']);
