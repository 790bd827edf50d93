import { AuthenticationConstants, ClaimsIdentity, ConnectorFactory, type ConnectorClient } from 'botframework-connector';
import { ConnectorCache } from '../../../../src/adapters/teams/connector-cache';

/** A factory that makes a distinct stand-in client on each call, or fails when told to. */
class CountingFactory extends ConnectorFactory {
  made = 0;
  failNext = false;
  override create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    this.made += 1;
    if (this.failNext) {
      this.failNext = false;
      return Promise.reject(new Error('unreachable'));
    }
    return Promise.resolve({ serviceUrl, audience, n: this.made } as unknown as ConnectorClient);
  }
}

const claims = (appId: string) => new ClaimsIdentity([{ type: AuthenticationConstants.AudienceClaim, value: appId }], true);

describe('connector clients kept across turns', () => {
  it('gives every turn of one app, service URL and audience the same client, made once', async () => {
    const cache = new ConnectorCache();
    const inner = new CountingFactory();
    const first = await cache.factory(inner, claims('app-a')).create('https://smba.example/emea/', 'aud');
    const second = await cache.factory(inner, claims('app-a')).create('https://smba.example/emea/', 'aud');
    expect(second).toBe(first);
    expect(inner.made).toBe(1);
  });

  it('makes another client for another service URL, audience or app id', async () => {
    const cache = new ConnectorCache();
    const inner = new CountingFactory();
    const a = await cache.factory(inner, claims('app-a')).create('https://smba.example/emea/', 'aud');
    const b = await cache.factory(inner, claims('app-a')).create('https://smba.example/amer/', 'aud');
    const c = await cache.factory(inner, claims('app-a')).create('https://smba.example/emea/', 'other');
    const d = await cache.factory(inner, claims('app-b')).create('https://smba.example/emea/', 'aud');
    expect(new Set([a, b, c, d]).size).toBe(4);
  });

  it('tries again after a client could not be made', async () => {
    const cache = new ConnectorCache();
    const inner = new CountingFactory();
    inner.failNext = true;
    await expect(cache.factory(inner, claims('app-a')).create('https://smba.example/emea/')).rejects.toThrow('unreachable');
    await expect(cache.factory(inner, claims('app-a')).create('https://smba.example/emea/')).resolves.toBeDefined();
    expect(inner.made).toBe(2);
  });

  it('keeps one user-token client per app id', async () => {
    const cache = new ConnectorCache();
    let made = 0;
    const create = () => Promise.resolve({ n: (made += 1) } as never);
    expect(await cache.userTokenClient(claims('app-a'), create)).toBe(await cache.userTokenClient(claims('app-a'), create));
    await cache.userTokenClient(claims('app-b'), create);
    expect(made).toBe(2);
  });
});
