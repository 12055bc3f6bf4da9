import { Controller, Get, Param, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, type Principal } from '@app/identity';
import { ApiErrors, UuidPipe } from '@app/platform';
import { eventReportSheets } from './event-report.xlsx';
import { ReportingService } from './reporting.service';
import { EventReportView } from './reporting.views';
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
}
