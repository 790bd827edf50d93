/** Copies through JSON, as Redis would, so that no caller can change stored state by holding a reference. */
export const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** A map key from parts that cannot run into each other. */
export const key = (...parts: string[]) => parts.join('\u0000');
