import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock, CLOCK } from '@app/platform';
import { Principal, RequestContext } from '@app/identity';
import { FiscalYearEntity } from '../entities/fiscal-year.entity';
import { IpItemEntity } from '../entities/ip-item.entity';
import { QualificationHeldEntity } from '../entities/qualification-held.entity';
import { StartupEntity } from '../entities/startup.entity';
import { Qualification } from '@app/reference';

type CompanyFacts = Qualification.CompanyFacts;
type QualificationReport = Qualification.QualificationReport;
const { evaluateAll, QualificationInputError } = Qualification;
import { TRACKS } from '@app/reference';
import { StartupAccess } from '../startups/startup-access';
import { startupsError } from '../startups.errors';

const NQP = new Set(TRACKS.filter((t) => t.nqp).map((t) => t.code));

/** Today's date in China, where certificates expire and fiscal years turn. */
const SHANGHAI_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' });
export function shanghaiDate(now: Date): string {
  return SHANGHAI_DATE.format(now);
}

/** Maps stored rows to the engine's plain facts (the engine never sees entities). */
export function toCompanyFacts(
  startup: StartupEntity,
  fiscalYears: FiscalYearEntity[],
  ipItems: IpItemEntity[],
  qualifications: QualificationHeldEntity[],
  asOf: string,
): CompanyFacts {
  return {
    asOf,
    foundedOn: startup.foundedOn,
    industry: startup.industry,
    yearsInNiche: startup.yearsInNiche,
    inStrategicEmergingIndustry: startup.tracks.length ? startup.tracks.some((t) => NQP.has(t)) : null,
    fiscalYears: fiscalYears.map(({ id: _i, startupId: _s, startup: _st, updatedAt: _u, ...figures }) => figures),
    ipItems: ipItems.map((i) => ({
      type: i.type,
      status: i.status,
      tiedToMainProduct: i.tiedToMainProduct,
      number: i.number,
    })),
    qualifications: qualifications.map((q) => ({
      kind: q.kind,
      certificateNumber: q.certificateNumber,
      validFrom: q.validFrom,
      validUntil: q.validUntil,
    })),
  };
}

@Injectable()
export class QualificationReportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: StartupAccess,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Every rubric with its explanation and distances; confidential, so outside reads are audited. */
  async report(
    principal: Principal,
    startupId: string,
    asOf: string | undefined,
    ctx: RequestContext,
  ): Promise<QualificationReport> {
    const startup = await this.access.readable(startupId);
    await this.access.readConfidential(principal, startup, 'qualification_report', ctx);
    const facts = await this.facts(startup, asOf ?? shanghaiDate(this.clock.now()));
    try {
      return evaluateAll(facts);
    } catch (err) {
      if (err instanceof QualificationInputError)
        throw startupsError('QUALIFICATION_INPUT_INVALID', { reason: err.message });
      throw err;
    }
  }

  async facts(startup: StartupEntity, asOf: string): Promise<CompanyFacts> {
    const where = { startupId: startup.id };
    const [fiscalYears, ipItems, qualifications] = await Promise.all([
      this.dataSource.getRepository(FiscalYearEntity).find({ where, order: { year: 'ASC' } }),
      this.dataSource.getRepository(IpItemEntity).find({ where }),
      this.dataSource.getRepository(QualificationHeldEntity).find({ where }),
    ]);
    return toCompanyFacts(startup, fiscalYears, ipItems, qualifications, asOf);
  }
}
