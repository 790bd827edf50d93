/** Makes unguessable identifiers for drafts and cards. */
export interface IdGenerator {
  next(): string;
}
