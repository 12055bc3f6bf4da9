import type { MandateEntity, MandateTerms } from '@app/funds';
import type { Mandate } from '../engine';

/** A stored mandate (current terms, or one recorded version) as the engine reads it. */
export function toEngineMandate(m: Pick<MandateEntity, 'id' | 'termsVersion'>, terms: MandateTerms): Mandate {
  return {
    id: m.id,
    version: m.termsVersion,
    instruments: terms.instruments,
    stages: terms.stages,
    ticketMin: terms.ticketMin,
    ticketMax: terms.ticketMax,
    tracks: terms.tracks,
    regions: terms.regions,
    preferredRegions: terms.preferredRegions,
    requiredQualifications: terms.requiredQualifications,
    minRdIntensityBp: terms.minRdIntensityBp,
    minClassIIp: terms.minClassIIp,
    minTechStaffShareBp: terms.minTechStaffShareBp,
    minTrl: terms.minTrl,
    minPledgeableInventionPatents: terms.minPledgeableInventionPatents,
    minInnovationScore: terms.minInnovationScore,
    maxCompanyAgeYears: terms.maxCompanyAgeYears,
    exclusions: terms.exclusions,
    thesisKeywords: terms.thesisKeywords,
    weights: terms.weights,
    // Versions stored before soft constraints lack the key: all hard, as they were written.
    constraints: terms.constraints ?? null,
  };
}
