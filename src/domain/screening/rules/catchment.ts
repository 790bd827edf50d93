import { reasonFor, type ScreeningRule } from '../rule';
import { LocalAuthoritySchema } from '../screening-input';

const normalise = (s: string) => s.trim().toLowerCase();

/** The family's local authority must be in the service's catchment (compared without regard to case). */
export const catchment: ScreeningRule = {
  wording: ['out_of_area'],
  input: () => ({ family: { localAuthority: LocalAuthoritySchema } }),
  asks: ['localAuthority'],
  fromAnswers: (a) => ({ family: { localAuthority: a.about.localAuthority } }),
  check: (input, catalogue) =>
    catalogue.catchment.inArea.map(normalise).includes(normalise(input.family!.localAuthority!)) ? [] : [reasonFor(catalogue, 'out_of_area', 'cannot_proceed')],
};
