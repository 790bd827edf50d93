import { MessageBar, MessageBarBody, MessageBarTitle, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { ApiError, call, type TokenSource } from './api';

export type Role = 'clinician' | 'coordinator';

/** What every page is given: the service it shows, the person's roles there, and how to call the API. */
export interface PageProps {
  service: string;
  roles: Role[];
  token: TokenSource;
}

export const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL },
  row: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS, alignItems: 'end' },
  card: { padding: tokens.spacingHorizontalL, borderRadius: tokens.borderRadiusLarge, border: `1px solid ${tokens.colorNeutralStroke1}`, backgroundColor: tokens.colorNeutralBackground1 },
  facts: { display: 'grid', gridTemplateColumns: 'minmax(10rem, max-content) 1fr', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalXS, margin: 0 },
  term: { color: tokens.colorNeutralForeground2, fontWeight: tokens.fontWeightSemibold },
  detail: { margin: 0, whiteSpace: 'pre-wrap' },
});

/** Data from the API for a page, reloaded on demand; its error is kept to be shown, never thrown. */
export function useLoad<T>(token: TokenSource, path: string | null): { data: T | undefined; error: ApiError | undefined; reload(): void; set(data: T): void } {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<ApiError>();
  const [n, setN] = useState(0);
  useEffect(() => {
    if (path === null) return;
    let live = true;
    setError(undefined);
    call<T>(token, 'GET', path).then((d) => live && setData(d), (e: unknown) => live && setError(asApiError(e)));
    return () => { live = false; };
  }, [token, path, n]);
  return { data, error, reload: useCallback(() => setN((x) => x + 1), []), set: setData };
}

export const asApiError = (e: unknown): ApiError =>
  (e instanceof ApiError ? e : new ApiError(0, 'network', 'Could not reach the service', 'Check your connection and try again. Nothing was changed.'));

/** A refusal or failure in words, with the fields that need attention. */
export function Problem({ error }: { error: ApiError | undefined }) {
  if (!error) return null;
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{error.title}</MessageBarTitle>
        {error.message}
        {error.issues.length > 0 && <ul>{error.issues.map((i) => <li key={`${i.label}${i.message}`}>{i.label}: {i.message}</li>)}</ul>}
      </MessageBarBody>
    </MessageBar>
  );
}

export function Notice({ children }: { children: ReactNode }) {
  if (!children) return null;
  return <MessageBar intent="success" role="status"><MessageBarBody>{children}</MessageBarBody></MessageBar>;
}

export const Loading = ({ label }: { label: string }) => <Spinner size="small" label={label} />;

/** Labelled values (a description list). */
export function Facts({ facts }: { facts: { title: string; value: string }[] }) {
  const s = useStyles();
  return (
    <dl className={s.facts}>
      {facts.map((f, i) => [<dt key={`t${i}`} className={s.term}>{f.title}</dt>, <dd key={`v${i}`} className={s.detail}>{f.value}</dd>])}
    </dl>
  );
}

/** Runs a change, keeping its outcome (a notice or a problem) for the page to show. */
export function useAction(): { busy: boolean; error: ApiError | undefined; notice: string; run(act: () => Promise<string>): Promise<boolean> } {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [notice, setNotice] = useState('');
  const run = useCallback(async (act: () => Promise<string>) => {
    setBusy(true);
    setError(undefined);
    setNotice('');
    try {
      setNotice(await act());
      return true;
    } catch (e) {
      setError(asApiError(e));
      return false;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, notice, run };
}
