import { reasonFor, type Rule } from '../rule';

/** At least one concern must fit the service's relational framework; each one that does is listed in support. */
export const checkInclusionConcerns: Rule = (input, catalogue) => {
  const supporting = catalogue.inclusionConcerns
    .filter((concern) => input.concerns.includes(concern.id))
    .map((concern) => ({ criterion: concern.id, effect: 'supports' as const, text: concern.text }));
  return supporting.length > 0 ? supporting : [reasonFor(catalogue, 'no_inclusion_concern', 'not_recommended')];
};
