import {
  FluentProvider, Select, Tab, TabList, Text, Title2, makeStyles, teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme, tokens, Label,
} from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import type { Host, Theme } from './teams';
import { Problem, useLoad, type PageProps, type Role } from './ui';
import { PAGES, pagesFor, type PageId } from './pages';
import { ChannelTabSettings } from './pages/settings';

const THEMES = { default: teamsLightTheme, dark: teamsDarkTheme, contrast: teamsHighContrastTheme } as const;

const useShell = makeStyles({
  shell: { minHeight: '100vh', padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXXL}`, boxSizing: 'border-box', backgroundColor: tokens.colorNeutralBackground2 },
  header: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', columnGap: tokens.spacingHorizontalL, marginBottom: tokens.spacingVerticalM },
  main: { marginTop: tokens.spacingVerticalL },
});

interface Me {
  services: { service: string; roles: Role[]; name: string; shortName: string }[];
}

/** The page asked for by the tab's address (a channel tab pinned to one page) or by the configurable tab's entity id. */
const requestedPage = (host: Host) => (new URLSearchParams(window.location.search).get('page') ?? host.entityId) as PageId | undefined;

function Workspace({ host }: { host: Host }) {
  const s = useShell();
  const me = useLoad<Me>(host.token, '/api/tab/services');
  const [service, setService] = useState<string>();
  const current = me.data?.services.find((x) => x.service === service) ?? me.data?.services[0];
  const available = useMemo(() => pagesFor(current?.roles ?? []), [current]);
  const [page, setPage] = useState<PageId | undefined>(requestedPage(host));
  const shown = available.find((p) => p === page) ?? available[0];
  if (me.error) return <Problem error={me.error} />;
  if (!me.data) return <Text>Loading your workspace…</Text>;
  if (!current) {
    return <Text as="p">This workspace is for the service's clinicians and coordinators, and you are not on a service's roster. A coordinator can add you.</Text>;
  }
  const props: PageProps = { service: current.service, roles: current.roles, token: host.token };
  const Page = shown ? PAGES[shown].component : undefined;
  return (
    <div className={s.shell}>
      <header className={s.header}>
        <Title2 as="h1">Consultations workspace: {current.shortName}</Title2>
        {me.data.services.length > 1 && (
          <div>
            <Label htmlFor="service-picker">Service</Label>{' '}
            <Select id="service-picker" value={current.service} onChange={(_, d) => setService(d.value)}>
              {me.data.services.map((x) => <option key={x.service} value={x.service}>{x.name}</option>)}
            </Select>
          </div>
        )}
      </header>
      <nav aria-label="Workspace pages">
        <TabList selectedValue={shown} onTabSelect={(_, d) => setPage(d.value as PageId)}>
          {available.map((id) => <Tab key={id} value={id}>{PAGES[id].title}</Tab>)}
        </TabList>
      </nav>
      <main className={s.main}>{Page && <Page key={`${current.service}-${shown}`} {...props} />}</main>
    </div>
  );
}

/** The tab: Fluent UI in Teams' theme (following it as it changes), the settings page or the workspace. */
export function App({ host }: { host: Host }) {
  const [theme, setTheme] = useState<Theme>(host.theme);
  useEffect(() => host.onTheme(setTheme), [host]);
  useEffect(() => { document.documentElement.dataset.theme = theme; }, [theme]);
  return (
    <FluentProvider theme={THEMES[theme]}>
      {host.frameContext === 'settings' ? <ChannelTabSettings /> : <Workspace host={host} />}
    </FluentProvider>
  );
}
