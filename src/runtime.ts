import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import semver from 'semver';

/**
 * The Node versions the bot runs on, as package.json's `engines` says (read from the file beside src/ and
 * dist/ alike, so the range is written in one place).
 */
export function supportedNode(): string {
  const pkg = JSON.parse(readFileSync(resolve(__dirname, '..', 'package.json'), 'utf8')) as { engines: { node: string } };
  return pkg.engines.node;
}

/**
 * Why this Node cannot run the bot, or null when it can. Run directly on a machine's older default Node
 * (outside `npm start`, which runs on the project's own Node 24), the bot says so and how to fix it, rather
 * than starting on an end-of-life runtime it was never tested on.
 */
export function unsupportedRuntime(version: string, range = supportedNode()): string | null {
  if (semver.satisfies(version, range)) return null;
  return `Node ${version} is not supported (the bot needs Node ${range}; it is built and tested on Node 24 LTS). `
    + 'Start it with `npm start` after `npm ci`, which on Linux (x64, arm64) runs the Node 24 that npm ci installed '
    + 'in node_modules/.bin, or install Node 24 LTS.';
}
