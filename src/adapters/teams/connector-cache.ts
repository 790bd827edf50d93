import {
  AuthenticationConstants, ConnectorFactory, type ClaimsIdentity, type ConnectorClient, type UserTokenClient,
} from 'botframework-connector';
import { LRUCache } from 'lru-cache';

/** Service URLs (Teams has a few per region) times audiences a process talks to: a handful in practice. */
const MAX_CLIENTS = 100;

/** The bot's own app id as botframework-connector reads it from the inbound claims (audience, else appid). */
export const appIdOf = (identity: ClaimsIdentity): string =>
  identity.getClaimValue(AuthenticationConstants.AudienceClaim) ?? identity.getClaimValue(AuthenticationConstants.AppIdClaim) ?? '';

/**
 * Connector and user-token clients kept across turns. botbuilder builds a new ConnectorClient (an HTTP
 * pipeline of a dozen policies and fresh credentials) and a UserTokenClient for every activity and every
 * proactive send, which was a tenth of a turn's CPU; the clients hold no per-turn state (credentials cache
 * their token), so one per app id, service URL and audience serves every turn.
 */
export class ConnectorCache {
  private readonly clients = new LRUCache<string, Promise<ConnectorClient>>({ max: MAX_CLIENTS });
  private readonly tokenClients = new LRUCache<string, Promise<UserTokenClient>>({ max: MAX_CLIENTS });

  /** `inner` made for these claims, answering with a client made before for the same app id, service URL and audience. */
  factory(inner: ConnectorFactory, identity: ClaimsIdentity): ConnectorFactory {
    return new CachedConnectorFactory(inner, appIdOf(identity), this.clients);
  }

  /** The user-token client for these claims' app id, made once. */
  userTokenClient(identity: ClaimsIdentity, create: () => Promise<UserTokenClient>): Promise<UserTokenClient> {
    return remembered(this.tokenClients, appIdOf(identity), create);
  }
}

/** A client being made is shared by the turns that ask meanwhile; one that failed is forgotten, so the next turn tries again. */
function remembered<T>(cache: LRUCache<string, Promise<T>>, key: string, create: () => Promise<T>): Promise<T> {
  const held = cache.get(key);
  if (held) return held;
  const made = create();
  cache.set(key, made);
  made.catch(() => { if (cache.get(key) === made) cache.delete(key); });
  return made;
}

class CachedConnectorFactory extends ConnectorFactory {
  constructor(private readonly inner: ConnectorFactory, private readonly appId: string, private readonly clients: LRUCache<string, Promise<ConnectorClient>>) {
    super();
  }

  override create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    return remembered(this.clients, `${this.appId}\n${serviceUrl}\n${audience ?? ''}`, () => this.inner.create(serviceUrl, audience));
  }
}
