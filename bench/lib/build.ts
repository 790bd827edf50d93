import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../..');
export const BOT = resolve(ROOT, 'dist/main.js');

/** Compiles the bot (dist/) and the echo bot (dist-bench/), as they run in production: plain Node, no transpiler. */
export function build(): void {
  const tsc = require.resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
  execFileSync(process.execPath, [tsc, 'bench/echo-bot.ts', '--outDir', 'dist-bench', '--module', 'commonjs', '--target', 'ES2022',
    '--esModuleInterop', '--skipLibCheck', '--types', 'node'], { cwd: ROOT, stdio: 'inherit' });
}

/** Load and drills send far faster than people: the inbound limits are off unless a drill turns them on (the edge drill does). */
export const BOT_ENV = { LOG_LEVEL: 'warn', DEMO_DATA: 'false', NOTIFIER: 'inline', INBOUND_USER_PER_MINUTE: '0', INBOUND_TENANT_PER_MINUTE: '0' };
