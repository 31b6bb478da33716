/**
 * `npm run parse`: builds the command-line tool if its sources changed (scripts/cli/build.mjs),
 * then runs the bundle in this same process, with this process's arguments.
 */
import { pathToFileURL } from 'node:url';
import { CLI_BUNDLE, ensureBuilt } from './build.mjs';

await ensureBuilt();
await import(pathToFileURL(CLI_BUNDLE).href);
