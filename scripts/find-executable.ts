/** Finds a browser installed from Debian's packages: an environment variable first, then /usr/bin, then PATH. */
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

export function findExecutable(envVar: string, names: readonly string[], installHint: string): string {
  const fromEnv = process.env[envVar];
  if (fromEnv) {
    if (isExecutable(fromEnv)) return fromEnv;
    throw new Error(`${envVar} is set to ${fromEnv}, which is not an executable file`);
  }
  const dirs = ['/usr/bin', ...(process.env.PATH ?? '').split(delimiter).filter(Boolean)];
  for (const name of names) {
    for (const dir of dirs) if (isExecutable(join(dir, name))) return join(dir, name);
  }
  throw new Error(`${names[0]} not found: ${installHint} (or set ${envVar})`);
}
