import { Controller, Get, Param, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, type Principal } from '@app/identity';
import { ApiErrors, UuidPipe } from '@app/platform';
import { dealFlowSheets, eventReportSheets, programmeReportSheets } from './event-report.xlsx';
import { passReasonLabel, ReportingService } from './reporting.service';
import { EventReportView, FundReportView, ProgrammeQueryDto, ProgrammeReportView } from './reporting.views';
import { attachment, streamWorkbook } from './xlsx';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ApiTags('reports')
@ApiBearerAuth()
@Controller()
export class ReportingController {
  constructor(private readonly reports: ReportingService) {}

  @Get('events/:id/report')
  @ApiOperation({
    summary: 'The event’s figures for its organizer: funnel, meetings, follow-ups on time, deals by instrument.',
  })
  @ApiOkResponse({ type: EventReportView })
  @ApiErrors('UNAUTHENTICATED', 'VALIDATION_FAILED', 'EVENT_NOT_FOUND')
  event(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string): Promise<EventReportView> {
    return this.reports.eventReport(principal, id);
  }

  @Get('events/:id/report.xlsx')
  @ApiOperation({ summary: 'The same report as an Excel workbook (streamed).' })
  @ApiProduces(XLSX)
  @ApiOkResponse({
    description: 'An .xlsx workbook.',
    content: { [XLSX]: { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiErrors('UNAUTHENTICATED', 'VALIDATION_FAILED', 'EVENT_NOT_FOUND')
  async eventXlsx(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const report = await this.reports.eventReport(principal, id);
    reply.header('content-disposition', attachment(`${report.event.title}-report.xlsx`));
    return new StreamableFile(streamWorkbook(eventReportSheets(report)), { type: XLSX });
  }

  @Get('reports/programme')
  @ApiOperation({
    summary:
      'Your organizer programme in a period: sessions held, organizations covered, projects per track, deals, funnel.',
  })
  @ApiOkResponse({ type: ProgrammeReportView })
  @ApiErrors('UNAUTHENTICATED', 'FORBIDDEN', 'VALIDATION_FAILED', 'REPORT_PERIOD_INVALID')
  programme(@CurrentPrincipal() principal: Principal, @Query() q: ProgrammeQueryDto): Promise<ProgrammeReportView> {
    return this.reports.programmeReport(principal, q.from, q.to);
  }

  @Get('reports/programme.xlsx')
  @ApiOperation({ summary: 'The programme report as an Excel workbook (streamed).' })
  @ApiProduces(XLSX)
  @ApiOkResponse({
    description: 'An .xlsx workbook.',
    content: { [XLSX]: { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiErrors('UNAUTHENTICATED', 'FORBIDDEN', 'VALIDATION_FAILED', 'REPORT_PERIOD_INVALID')
  async programmeXlsx(
    @CurrentPrincipal() principal: Principal,
    @Query() q: ProgrammeQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const report = await this.reports.programmeReport(principal, q.from, q.to);
    reply.header('content-disposition', attachment(`programme-${q.from}-${q.to}.xlsx`));
    return new StreamableFile(streamWorkbook(programmeReportSheets(report)), { type: XLSX });
  }

  @Get('reports/fund')
  @ApiOperation({
    summary: 'Your fund’s (or bank’s) deal-flow funnel, signed outcomes by instrument, stated vs actual per mandate.',
  })
  @ApiOkResponse({ type: FundReportView })
  @ApiErrors('UNAUTHENTICATED', 'FORBIDDEN')
  fund(@CurrentPrincipal() principal: Principal): Promise<FundReportView> {
    return this.reports.fundReport(principal);
  }

  @Get('reports/deal-flow.xlsx')
  @ApiOperation({ summary: 'Your pipeline as an Excel workbook: one row per deal with its outcome (streamed).' })
  @ApiProduces(XLSX)
  @ApiOkResponse({
    description: 'An .xlsx workbook.',
    content: { [XLSX]: { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiErrors('UNAUTHENTICATED', 'FORBIDDEN')
  async dealFlowXlsx(
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const rows = await this.reports.dealFlow(principal);
    reply.header('content-disposition', attachment('deal-flow.xlsx'));
    return new StreamableFile(streamWorkbook(dealFlowSheets(rows, passReasonLabel)), { type: XLSX });
  }
}
