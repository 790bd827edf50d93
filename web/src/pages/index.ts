import type { ComponentType } from 'react';
import type { PageProps, Role } from '../ui';
import { AvailabilityPage } from './availability';
import { ConsultationsPage } from './consultations';
import { ReportsPage } from './reports';
import { ReviewsPage } from './reviews';
import { RosterPage } from './roster';
import { TriagePage } from './triage';

export type PageId = 'availability' | 'consultations' | 'triage' | 'reviews' | 'roster' | 'reports';

/** Each page, who may see it (the server checks the same, in the app layer), and its title. */
export const PAGES: Record<PageId, { title: string; roles: Role[]; component: ComponentType<PageProps> }> = {
  availability: { title: 'My availability', roles: ['clinician'], component: AvailabilityPage },
  consultations: { title: 'My consultations', roles: ['clinician'], component: ConsultationsPage },
  triage: { title: 'Triage', roles: ['clinician', 'coordinator'], component: TriagePage },
  reviews: { title: 'Reviews', roles: ['coordinator'], component: ReviewsPage },
  roster: { title: 'Roster', roles: ['coordinator'], component: RosterPage },
  reports: { title: 'Reports', roles: ['coordinator'], component: ReportsPage },
};

export const pagesFor = (roles: readonly Role[]): PageId[] =>
  (Object.keys(PAGES) as PageId[]).filter((id) => PAGES[id].roles.some((r) => roles.includes(r)));
