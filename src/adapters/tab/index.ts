import type { Server } from 'restify';
import type { AppContext } from '../../app/context';
import { allowedTenants, type Config } from '../../config';
import type { Logger } from '../../logger';
import { StoredPeople } from '../directory/stored-people';
import type { ReadBody } from '../../http/read-json-body';
import { registerTabApi } from './api';
import { createLocalIssuer } from './local-issuer';
import { tokenVerifier, type SsoSettings } from './sso';
import { registerTabPages, WEB_DIST } from './static-files';

/** The tenants the tab serves, as the chat does (an empty list: any the issuer vouches for). */
const tenantList = (config: Config): string[] => { const t = allowedTenants(config); return t === 'any' ? [] : [...t]; };

export interface TabEdge {
  /** Adds the tab's page, bundle and API (and, in the playground, the local issuer) to the server. */
  register(server: Server, readBody: ReadBody): void;
  /** How tokens are checked: `entra` (TAB_SSO_*), `local` (the playground issuer) or `off` (every token refused). */
  sso: 'entra' | 'local' | 'off';
}

/** The workspace tab as the server sees it: pages, API and sign-in, from configuration. */
export async function createTabEdge(config: Config, app: AppContext, log: Logger, baseUrl: () => string, dir = WEB_DIST): Promise<TabEdge> {
  const local = config.TAB_LOCAL_ISSUER ? await createLocalIssuer(baseUrl, dir) : undefined;
  const entra: SsoSettings | undefined = config.TAB_SSO_ISSUER
    ? { audience: config.TAB_SSO_AUDIENCE!, issuer: config.TAB_SSO_ISSUER, jwksUrl: config.TAB_SSO_JWKS_URL!, allowedTenants: tenantList(config) }
    : undefined;
  const verify = tokenVerifier(() => local?.settings() ?? entra);
  return {
    sso: local ? 'local' : entra ? 'entra' : 'off',
    register(server, readBody) {
      registerTabPages(server, dir);
      registerTabApi(server, { app, people: new StoredPeople(app.store.conversations), verify, log, readBody });
      local?.register(server, readBody);
    },
  };
}
