import fc from 'fast-check';
import type { Catalogue } from '../../src/domain/catalogue/catalogue';

/**
 * FASS screening documents as other tools might send them: every combination of the answers the contract
 * takes, ids from the catalogue (some repeated), local authorities in and out of the catchment.
 */
export function fassScreeningDocument(catalogue: Catalogue) {
  const ids = (list: readonly { id: string }[]) => fc.array(fc.constantFrom(...list.map((x) => x.id)), { maxLength: list.length + 1 });
  /** Mostly the usual answer, sometimes another: so that every outcome comes up often. */
  const usually = <T>(common: T, ...others: T[]) => fc.oneof({ arbitrary: fc.constant(common), weight: 5 }, { arbitrary: fc.constantFrom(common, ...others), weight: 1 });
  const consent = fc.oneof(
    { arbitrary: fc.constant({ status: 'obtained' }), weight: 6 },
    { arbitrary: fc.constant({ status: 'not_obtained' }), weight: 1 },
    { weight: 2, arbitrary: fc.record({
      status: fc.constant('safeguarding_override'),
      justification: fc.constantFrom('Synthetic grounds for an override, long enough to explain', 'x'),
      lawfulBasis: fc.constantFrom('children_act_s47', 'children_act_s17', 'dpa_safeguarding', 'public_task'),
      approvedBy: fc.constant('Synthetic Manager'),
      familyInformed: fc.boolean(),
      reviewDate: fc.constant('2099-01-31'),
    }, { requiredKeys: ['status', 'justification'] }) },
  );
  return fc.record({
    service: fc.constant(catalogue.service),
    referrer: fc.record({ role: usually('allocated_social_worker', 'mental_health_practitioner', 'other') }),
    family: fc.record({
      openToChildrensSocialCare: usually(true, false),
      localAuthority: usually('oxfordshire', 'Oxfordshire', ' OXFORDSHIRE ', 'buckinghamshire', 'Another Council'),
    }),
    concerns: ids(catalogue.inclusionConcerns),
    exclusions: fc.oneof({ arbitrary: fc.constant([]), weight: 3 }, { arbitrary: ids(catalogue.exclusions), weight: 2 }),
    careProceedings: fc.record({ inProceedings: usually(false, true), courtSupportsReunification: fc.boolean(), evidenceOfEngagement: fc.boolean() }),
    consent,
  });
}
