import { openFactBook } from './company-facts';
import { evaluateHighTechEnterprise } from './evaluate-high-tech-enterprise';
import { evaluateInnovativeSme } from './evaluate-innovative-sme';
import { evaluateLittleGiant } from './evaluate-little-giant';
import { evaluateSpecializedSme } from './evaluate-specialized-sme';
import { evaluateTechSme } from './evaluate-tech-sme';
import { evaluateSmeSize } from './sme-size';
import type { CompanyFacts, QualificationReport } from './types';

/**
 * Every rubric against one set of facts, with the current rubric versions. Pure: the same facts and
 * `asOf` always give the same report.
 */
export function evaluateAll(input: CompanyFacts): QualificationReport {
  const book = openFactBook(input);
  const smeSize = evaluateSmeSize(input);
  const techSme = evaluateTechSme(input);
  const highTechEnterprise = evaluateHighTechEnterprise(input);
  const innovativeSme = evaluateInnovativeSme(input);
  const specializedSme = evaluateSpecializedSme(input);
  const littleGiant = evaluateLittleGiant(input);
  return {
    asOf: book.asOf,
    fiscalYear: book.fiscalYear,
    smeSize,
    techSme,
    highTechEnterprise,
    innovativeSme,
    specializedSme,
    littleGiant,
    all: [smeSize, techSme, highTechEnterprise, innovativeSme, specializedSme, littleGiant],
  };
}
