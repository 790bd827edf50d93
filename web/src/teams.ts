import { app, authentication, pages } from '@microsoft/teams-js';

/** Teams' themes as the tab follows them: light ("default"), dark, and high contrast. */
export type Theme = 'default' | 'dark' | 'contrast';

export interface Host {
  theme: Theme;
  /** The tab's surface: a personal tab ("content"), or the configurable tab's settings page ("settings"). */
  frameContext: string;
  /** Which page the tab was pinned to (the configurable channel tab's entity id), if any. */
  entityId: string | undefined;
  onTheme(handler: (theme: Theme) => void): void;
  token(): Promise<string>;
}

const asTheme = (t: string | undefined): Theme => (t === 'dark' || t === 'contrast' ? t : 'default');

/** A token and when to ask for a new one: Teams caches them too, but asking on every call costs a round trip to the host. */
let cached: { token: string; until: number } | undefined;

function expiryOf(token: string): number {
  try {
    const payload = JSON.parse(atob(token.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))) as { exp?: number };
    return (payload.exp ?? 0) * 1000;
  } catch {
    return 0;
  }
}

/**
 * Connects to the Teams client framing the tab (TeamsJS v2): the context (theme, surface), theme changes, and SSO
 * tokens from authentication.getAuthToken(). Outside Teams there is no host, and this rejects.
 */
export async function connectToTeams(): Promise<Host> {
  await app.initialize();
  const context = await app.getContext();
  void app.notifySuccess();
  return {
    theme: asTheme(context.app.theme),
    frameContext: context.page.frameContext ?? 'content',
    entityId: context.page.id || undefined,
    onTheme: (handler) => app.registerOnThemeChangeHandler((t) => handler(asTheme(t))),
    async token() {
      if (cached && cached.until - 60_000 > Date.now()) return cached.token;
      const token = await authentication.getAuthToken();
      cached = { token, until: expiryOf(token) };
      return token;
    },
  };
}

/** Forgets the token, so the next call asks Teams again (after the server refused it). */
export const forgetToken = () => { cached = undefined; };

/** The configurable channel tab's settings: which page the channel gets, saved as the tab's content URL. */
export function configureChannelTab(page: string, label: string): void {
  pages.config.registerOnSaveHandler((save) => {
    const base = `${window.location.origin}/tab/`;
    void pages.config.setConfig({ entityId: page, contentUrl: `${base}?page=${page}`, suggestedDisplayName: label, websiteUrl: base })
      .then(() => save.notifySuccess(), () => save.notifyFailure('Could not save the tab'));
  });
  pages.config.setValidityState(true);
}
