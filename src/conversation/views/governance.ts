import { formatLondon } from '../../domain/time/london';

/** A subject-access export ready for a coordinator: a link that works once, until it expires. */
export interface ExportLinkView {
  kind: 'export-link';
  service: string;
  reference: string;
  url: string;
  expires: string;
}

export const exportLinkView = (service: string, reference: string, url: string, expiresAt: Date): ExportLinkView =>
  ({ kind: 'export-link', service, reference, url, expires: formatLondon(expiresAt.toISOString()) });
