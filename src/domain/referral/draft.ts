import type { Answers } from './answers';
import type { StepId } from './steps';

export type DraftStatus = 'open' | 'submitted' | 'cancelled';

/**
 * A referral being filled in, saved after every step so that it survives a restart.
 * `version` rises with every save; a card that carries an older version is stale.
 */
export interface Draft {
  id: string;
  service: string;
  ownerId: string;
  step: StepId;
  answers: Answers;
  reachedReview: boolean;
  status: DraftStatus;
  reference?: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}
