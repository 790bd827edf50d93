import { copyFileSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'esbuild';

/** Bundles the tab (and the playground's stand-in Teams host) into dist-web/, which the bot's server serves. */
const root = resolve(__dirname, '..');
const web = resolve(root, 'web');
const out = resolve(root, 'dist-web');

export async function buildWeb(options: { minify?: boolean } = {}): Promise<void> {
  mkdirSync(out, { recursive: true });
  await build({
    entryPoints: { app: resolve(web, 'src/main.tsx'), 'playground-host': resolve(web, 'playground/host.ts') },
    outdir: out, bundle: true, format: 'iife', platform: 'browser', target: ['chrome120', 'edge120', 'firefox120', 'safari16'],
    minify: options.minify ?? true, sourcemap: 'linked', jsx: 'automatic', legalComments: 'linked', logLevel: 'warning',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  copyFileSync(resolve(web, 'index.html'), resolve(out, 'index.html'));
  copyFileSync(resolve(web, 'playground/playground.html'), resolve(out, 'playground.html'));
}

if (require.main === module) {
  const started = Date.now();
  buildWeb().then(() => process.stdout.write(`workspace built into dist-web/ in ${Date.now() - started} ms\n`), (e: unknown) => {
    process.stderr.write(`${(e as Error).message}\n`);
    process.exit(1);
  });
}
