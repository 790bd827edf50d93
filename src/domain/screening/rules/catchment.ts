import { reasonFor, type Rule } from '../rule';

const normalise = (s: string) => s.trim().toLowerCase();

/** The family's local authority must be in the service's catchment (compared without regard to case). */
export const checkCatchment: Rule = (input, catalogue) =>
  catalogue.catchment.localAuthorities.map(normalise).includes(normalise(input.family.localAuthority))
    ? []
    : [reasonFor(catalogue, 'out_of_area', 'cannot_proceed')];
