import { forgetToken } from './teams';

/** A refusal as the server words it: the code, a title and message for people, and the fields to fix. */
export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, readonly title: string, message: string, readonly issues: { label: string; message: string }[] = []) {
    super(message);
  }
}

export type TokenSource = () => Promise<string>;

/** Calls the tab's API with the person's SSO token; a refused token is asked for again once. */
export async function call<T>(token: TokenSource, method: string, path: string, body?: unknown): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    const res = await fetch(path, {
      method, headers: { authorization: `Bearer ${await token()}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (res.status === 401 && attempt === 0) {
      forgetToken();
      continue;
    }
    const data = (await res.json().catch(() => ({}))) as { error?: string; title?: string; message?: string; issues?: { label: string; message: string }[] };
    if (!res.ok) throw new ApiError(res.status, data.error ?? 'error', data.title ?? 'Something went wrong', data.message ?? `The server answered ${res.status}.`, data.issues);
    return data as T;
  }
}

/** Downloads a file from the API (a report as CSV) with the token, as the browser would save it. */
export async function download(token: TokenSource, path: string, filename: string): Promise<void> {
  const res = await fetch(path, { headers: { authorization: `Bearer ${await token()}` } });
  if (!res.ok) throw new ApiError(res.status, 'download_failed', 'Download failed', `The server answered ${res.status}.`);
  const url = URL.createObjectURL(await res.blob());
  const a = Object.assign(document.createElement('a'), { href: url, download: filename });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
