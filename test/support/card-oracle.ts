import { Template } from 'adaptivecards-templating';

/** What rendering gave: the card, or that it threw (both the library and the compiler throw in the same cases). */
export type Rendered = { card: unknown } | { threw: true };

export function rendered(render: () => unknown): Rendered {
  try {
    return { card: render() };
  } catch {
    return { threw: true };
  }
}

const parsed = new WeakMap<object, Template>();

/** The official templating library, kept as the oracle the compiled templates are held to. */
export function byLibrary(template: unknown, data: object): Rendered {
  const cacheable = typeof template === 'object' && template !== null;
  let t = cacheable ? parsed.get(template) : undefined;
  if (!t) {
    t = new Template(template);
    if (cacheable) parsed.set(template, t);
  }
  return rendered(() => t.expand({ $root: data }));
}
