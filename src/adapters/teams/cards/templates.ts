import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { compileTemplate, type RenderTemplate } from './compile-template';

/** Adaptive Card JSON, as Teams receives it. */
export type Card = Record<string, unknown>;

const CARDS_DIR = resolve(__dirname, '../../../../cards');
const compiled = new Map<string, RenderTemplate>();

/** Every design in cards/, by the name `expand` takes (e.g. `welcome`, `steps/about`). */
export function cardTemplateNames(): string[] {
  return readdirSync(CARDS_DIR, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.json'))
    .map((file) => file.replace(/\\/g, '/').replace(/\.json$/, ''))
    .sort();
}

/** A design as the Adaptive Cards Designer saves it. */
export function readCardTemplate(name: string): unknown {
  return JSON.parse(readFileSync(join(CARDS_DIR, `${name}.json`), 'utf8'));
}

/** Compiles a design on first use and keeps the render function; an unsupported expression throws here. */
function template(name: string): RenderTemplate {
  let render = compiled.get(name);
  if (!render) {
    render = compileTemplate(`cards/${name}.json`, readCardTemplate(name));
    compiled.set(name, render);
  }
  return render;
}

/**
 * Binds a design in cards/ (e.g. `welcome`, `steps/about`) to data, exactly as Adaptive Cards templating
 * would (compile-template.ts says how, and why it is not the library).
 */
export function expand<T = Card>(name: string, data: object): T {
  return template(name)(data) as T;
}
