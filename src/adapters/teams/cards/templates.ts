import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Template } from 'adaptivecards-templating';

/** Adaptive Card JSON, as Teams receives it. */
export type Card = Record<string, unknown>;

const CARDS_DIR = resolve(__dirname, '../../../../cards');
const cache = new Map<string, Template>();

/** Reads a template from cards/ once and keeps it parsed. */
function template(name: string): Template {
  let t = cache.get(name);
  if (!t) {
    t = new Template(JSON.parse(readFileSync(join(CARDS_DIR, `${name}.json`), 'utf8')));
    cache.set(name, t);
  }
  return t;
}

/** Binds a template in cards/ (e.g. `welcome`, `steps/about`) to data with Adaptive Cards templating. */
export function expand<T = Card>(name: string, data: object): T {
  return template(name).expand({ $root: data }) as T;
}
