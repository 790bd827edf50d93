import type { AuditEntry } from '../../domain/audit/audit-entry';

/** An audit entry as a stream's flat field/value list, and back. */
export function toFields(entry: AuditEntry): string[] {
  const fields = ['at', entry.at, 'actor', entry.actor, 'action', entry.action, 'subject', entry.subject, 'result', entry.result];
  if (entry.code) fields.push('code', entry.code);
  if (entry.detail) fields.push('detail', JSON.stringify(entry.detail));
  return fields;
}

export function fromFields(fields: readonly string[]): AuditEntry {
  const m = new Map<string, string>();
  for (let i = 0; i + 1 < fields.length; i += 2) m.set(fields[i]!, fields[i + 1]!);
  const detail = m.get('detail');
  return {
    at: m.get('at') ?? '',
    actor: m.get('actor') ?? '',
    action: m.get('action') ?? '',
    subject: m.get('subject') ?? '',
    result: (m.get('result') ?? 'ok') as AuditEntry['result'],
    ...(m.get('code') ? { code: m.get('code') } : {}),
    ...(detail ? { detail: JSON.parse(detail) as Record<string, string> } : {}),
  };
}
