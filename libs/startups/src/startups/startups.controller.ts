import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ApiErrors, IntParamPipe, isCalendarDate, platformError, UuidPipe } from '@app/platform';
import { CurrentPrincipal, Principal, ReqContext, RequestContext } from '@app/identity';
import {
  FiscalYearView,
  IpItemView,
  QualificationHeldView,
  StartupPageView,
  StartupView,
  startupsMapper,
} from '../startups.views';
import { QualificationReportService } from '../qualification-report/qualification-report.service';
import { QualificationReportView } from '../qualification-report/qualification-report.views';
import { StartupAccess } from './startup-access';
import { StartupFactsService } from './startup-facts.service';
import { FiscalYearDto, IpItemDto, QualificationDto, StartupInputDto, UpdateIpItemDto, StartupListQueryDto, UpdateStartupDto } from './startups.dto';
import { StartupsService } from './startups.service';

const YEAR = new IntParamPipe(1980, 2100);
const WRITE_ERRORS = ['UNAUTHENTICATED', 'VALIDATION_FAILED', 'STARTUP_NOT_FOUND', 'STARTUP_ORG_KIND_INVALID'];

@ApiTags('startups')
@ApiBearerAuth()
@Controller('startups')
export class StartupsController {
  constructor(
    private readonly startups: StartupsService,
    private readonly facts: StartupFactsService,
    private readonly access: StartupAccess,
    private readonly qualification: QualificationReportService,
  ) {}

  @Get(':id/qualification')
  @ApiOperation({
    summary: 'Every rubric (科技型中小企业, SME size, 高企, 创新型/专精特新/小巨人): verdict, points, explanation and distance to each next band.',
    description: 'Confidential (it shows raw figures): the company, granted organizations, platform admins; outside reads are audited. `asOf` (YYYY-MM-DD, default today in Asia/Shanghai) decides which certificates are valid and which fiscal year is read.',
  })
  @ApiQuery({ name: 'asOf', required: false, example: '2024-06-30' })
  @ApiOkResponse({ type: QualificationReportView })
  @ApiErrors('UNAUTHENTICATED', 'VALIDATION_FAILED', 'STARTUP_NOT_FOUND', 'CONFIDENTIAL_ACCESS_REQUIRED', 'QUALIFICATION_INPUT_INVALID')
  async qualificationReport(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @ReqContext() ctx: RequestContext,
    @Query('asOf') asOf?: string,
  ): Promise<QualificationReportView> {
    // The one date rule: Date.parse would take 2023-02-30 as March 2nd.
    if (asOf !== undefined && !isCalendarDate(asOf)) {
      throw platformError('VALIDATION_FAILED', { field: 'asOf', fields: [{ field: 'asOf', rules: ['isDate'], messages: ['asOf must be YYYY-MM-DD'] }] });
    }
    return this.qualification.report(principal, id, asOf, ctx);
  }

  @Post()
  @ApiOperation({ summary: 'Create a company profile in your (startup or university) organization.' })
  @ApiCreatedResponse({ type: StartupView })
  @ApiErrors(...WRITE_ERRORS, 'CREDIT_CODE_INVALID', 'TRACK_UNKNOWN', 'INDUSTRY_UNKNOWN', 'STARTUP_CREDIT_CODE_TAKEN')
  async create(@CurrentPrincipal() principal: Principal, @Body() dto: StartupInputDto): Promise<StartupView> {
    return startupsMapper.startup(await this.startups.create(principal, dto), true);
  }

  @Get()
  @ApiOperation({ summary: 'Company directory (public profiles), newest first; `mine=true` for your own.' })
  @ApiOkResponse({ type: StartupPageView })
  @ApiErrors('UNAUTHENTICATED', 'VALIDATION_FAILED', 'INVALID_CURSOR')
  async list(@CurrentPrincipal() principal: Principal, @Query() query: StartupListQueryDto): Promise<StartupPageView> {
    const result = await this.startups.list(principal, {
      cursor: query.cursor,
      limit: query.limit,
      mine: query.mine === 'true',
      track: query.track,
      regionPrefix: query.region,
    });
    return {
      items: result.items.map((s) => startupsMapper.startup(s, this.access.isOwner(principal, s))),
      nextCursor: result.nextCursor,
    };
  }

  @Get(':id')
  @ApiOperation({ summary: 'A company’s public profile; `confidentialAccess` says whether you may read its figures.' })
  @ApiOkResponse({ type: StartupView })
  @ApiErrors('UNAUTHENTICATED', 'VALIDATION_FAILED', 'STARTUP_NOT_FOUND')
  async get(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string): Promise<StartupView> {
    const startup = await this.startups.get(id);
    return startupsMapper.startup(startup, await this.access.canReadConfidential(principal, startup));
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Edit the profile (send the version you read; 409 if someone edited first).' })
  @ApiOkResponse({ type: StartupView })
  @ApiErrors(...WRITE_ERRORS, 'VERSION_CONFLICT', 'CREDIT_CODE_INVALID', 'TRACK_UNKNOWN', 'INDUSTRY_UNKNOWN', 'STARTUP_CREDIT_CODE_TAKEN')
  async update(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string, @Body() dto: UpdateStartupDto): Promise<StartupView> {
    return startupsMapper.startup(await this.startups.update(principal, id, dto), true);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete the company profile with its figures, IP, qualifications and projects.' })
  @ApiNoContentResponse()
  @ApiErrors(...WRITE_ERRORS)
  async remove(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string): Promise<void> {
    await this.startups.delete(principal, id);
  }

  @Get(':id/fiscal-years')
  @ApiOperation({ summary: 'Yearly figures (confidential; outside reads are audited).' })
  @ApiOkResponse({ type: [FiscalYearView] })
  @ApiErrors('UNAUTHENTICATED', 'VALIDATION_FAILED', 'STARTUP_NOT_FOUND', 'CONFIDENTIAL_ACCESS_REQUIRED')
  async fiscalYears(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @ReqContext() ctx: RequestContext,
  ): Promise<FiscalYearView[]> {
    return (await this.facts.fiscalYears(principal, id, ctx)).map(startupsMapper.fiscalYear);
  }

  @Put(':id/fiscal-years/:year')
  @ApiOperation({ summary: 'Set one year’s figures (money in 分); omitted figures become unknown.' })
  @ApiOkResponse({ type: FiscalYearView })
  @ApiErrors(...WRITE_ERRORS, 'FISCAL_YEAR_INVALID')
  async putFiscalYear(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Param('year', YEAR) year: number,
    @Body() dto: FiscalYearDto,
  ): Promise<FiscalYearView> {
    return startupsMapper.fiscalYear(await this.facts.putFiscalYear(principal, id, year, dto));
  }

  @Delete(':id/fiscal-years/:year')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove one year’s figures.' })
  @ApiNoContentResponse()
  @ApiErrors(...WRITE_ERRORS, 'FISCAL_YEAR_NOT_FOUND')
  async deleteFiscalYear(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Param('year', YEAR) year: number,
  ): Promise<void> {
    await this.facts.deleteFiscalYear(principal, id, year);
  }

  @Get(':id/ip-items')
  @ApiOperation({ summary: 'IP portfolio with Ⅰ/Ⅱ class (confidential; outside reads are audited).' })
  @ApiOkResponse({ type: [IpItemView] })
  @ApiErrors('UNAUTHENTICATED', 'VALIDATION_FAILED', 'STARTUP_NOT_FOUND', 'CONFIDENTIAL_ACCESS_REQUIRED')
  async ipItems(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @ReqContext() ctx: RequestContext,
  ): Promise<IpItemView[]> {
    return (await this.facts.ipItems(principal, id, ctx)).map(startupsMapper.ipItem);
  }

  @Post(':id/ip-items')
  @ApiOperation({ summary: 'Add an IP item (patent, utility model, software copyright …).' })
  @ApiCreatedResponse({ type: IpItemView })
  @ApiErrors(...WRITE_ERRORS, 'IP_ITEM_DUPLICATE')
  async addIpItem(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string, @Body() dto: IpItemDto): Promise<IpItemView> {
    return startupsMapper.ipItem(await this.facts.addIpItem(principal, id, dto));
  }

  @Patch(':id/ip-items/:itemId')
  @ApiOperation({ summary: 'Edit an IP item (e.g. mark it pledged or expired).' })
  @ApiOkResponse({ type: IpItemView })
  @ApiErrors(...WRITE_ERRORS, 'IP_ITEM_NOT_FOUND', 'IP_ITEM_DUPLICATE')
  async updateIpItem(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Param('itemId', UuidPipe) itemId: string,
    @Body() dto: UpdateIpItemDto,
  ): Promise<IpItemView> {
    return startupsMapper.ipItem(await this.facts.updateIpItem(principal, id, itemId, dto));
  }

  @Delete(':id/ip-items/:itemId')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiOperation({ summary: 'Remove an IP item.' })
  @ApiErrors(...WRITE_ERRORS, 'IP_ITEM_NOT_FOUND')
  async deleteIpItem(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Param('itemId', UuidPipe) itemId: string,
  ): Promise<void> {
    await this.facts.deleteIpItem(principal, id, itemId);
  }

  @Get(':id/qualifications')
  @ApiOperation({ summary: 'Certificates and recognitions held (public).' })
  @ApiOkResponse({ type: [QualificationHeldView] })
  @ApiErrors('UNAUTHENTICATED', 'VALIDATION_FAILED', 'STARTUP_NOT_FOUND')
  async qualifications(@Param('id', UuidPipe) id: string): Promise<QualificationHeldView[]> {
    return (await this.facts.qualifications(id)).map(startupsMapper.qualification);
  }

  @Post(':id/qualifications')
  @ApiOperation({ summary: 'Record a certificate held (高企, 科技型中小企业, 专精特新 …) with its validity.' })
  @ApiCreatedResponse({ type: QualificationHeldView })
  @ApiErrors(...WRITE_ERRORS, 'QUALIFICATION_DATES_INVALID')
  async addQualification(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Body() dto: QualificationDto,
  ): Promise<QualificationHeldView> {
    return startupsMapper.qualification(await this.facts.addQualification(principal, id, dto));
  }

  @Delete(':id/qualifications/:qualificationId')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiOperation({ summary: 'Remove a certificate.' })
  @ApiErrors(...WRITE_ERRORS, 'QUALIFICATION_NOT_FOUND')
  async deleteQualification(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Param('qualificationId', UuidPipe) qualificationId: string,
  ): Promise<void> {
    await this.facts.deleteQualification(principal, id, qualificationId);
  }
}
