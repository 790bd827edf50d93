import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { supportedNode, unsupportedRuntime } from '../../src/runtime';

describe('the Node versions the bot runs on', () => {
  it('are the range package.json declares', () => {
    const pkg = JSON.parse(readFileSync(resolve(__dirname, '../../package.json'), 'utf8')) as { engines: { node: string } };
    expect(supportedNode()).toBe(pkg.engines.node);
  });

  it('refuse an end-of-life Node 20, saying how to get a supported one', () => {
    const message = unsupportedRuntime('v20.20.2');
    expect(message).toContain('Node v20.20.2 is not supported');
    expect(message).toContain('npm start');
    expect(message).toContain('Node 24 LTS');
  });

  it.each(['v22.0.0', 'v22.22.0', 'v24.22.3', 'v26.1.0'])('accept %s', (version) => {
    expect(unsupportedRuntime(version)).toBeNull();
  });

  it('include the Node running these tests, the one npm scripts bring', () => {
    expect(unsupportedRuntime(process.version)).toBeNull();
  });
});
