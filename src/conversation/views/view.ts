import type { CaseView, TimesView, TriageView } from './booking';
import type { ReviewView, StepView } from './journey';
import type { EpisodeOpenView, EpisodeView } from './episode';
import type { DeadLettersView, NetworkCaseView } from './network';
import type { ExportLinkView } from './governance';
import type { NetworkMembersView } from './network-members';
import type { OutcomeView } from './outcome';
import type { MyRequestsView, NoticeView, WelcomeView } from './simple';
import type { AvailabilityView, ReviewsView, RosterView } from './team';

/**
 * Everything a person can be shown, as data: what each screen says, which actions it offers and for
 * whom. A transport renders these (Teams as Adaptive Cards); none of them knows how.
 */
export type View =
  | WelcomeView | NoticeView | MyRequestsView
  | StepView | ReviewView | OutcomeView
  | TimesView | CaseView | TriageView | AvailabilityView | RosterView | ReviewsView
  | NetworkCaseView | DeadLettersView | NetworkMembersView | ExportLinkView | EpisodeView | EpisodeOpenView;

export type ViewKind = View['kind'];
