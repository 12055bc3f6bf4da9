import { Controller, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiErrors, UuidPipe, readSingleUpload, RateLimited } from '@app/platform';
import { CurrentPrincipal, Principal } from '@app/identity';
import { StartupAccess } from '../startups/startup-access';
import { startupsError } from '../startups.errors';
import { IMPORT_MAX_BYTES, ImportService } from './import.service';
import { StartupImportJobView, StartupImportReportView, StartupImportResultView } from './import.views';

const FILE_BODY = {
  schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } },
};

function readUpload(request: FastifyRequest): Promise<{ body: Buffer; fileName: string }> {
  return readSingleUpload(request, {
    maxBytes: IMPORT_MAX_BYTES,
    invalid: (reason) => startupsError('IMPORT_FILE_INVALID', { field: 'file', reason }),
    tooLarge: () => startupsError('IMPORT_TOO_LARGE', { field: 'file', maxBytes: IMPORT_MAX_BYTES }),
  });
}

@ApiTags('imports')
@ApiBearerAuth()
@Controller('imports/startups')
export class ImportsController {
  constructor(
    private readonly imports: ImportService,
    private readonly access: StartupAccess,
  ) {}

  @Get('template')
  @ApiOperation({ summary: 'The .xlsx template (zh-CN headers, an example row and a notes sheet).' })
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiErrors('UNAUTHENTICATED')
  async template(@Res() reply: FastifyReply): Promise<void> {
    const file = await this.imports.template();
    await reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header(
        'content-disposition',
        `attachment; filename="tourong-import.xlsx"; filename*=UTF-8''${encodeURIComponent('企业导入模板.xlsx')}`,
      )
      .send(file);
  }

  @Post('dry-run')
  @RateLimited('imports')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Check an .xlsx or .csv file: every cell error with row, column, value and code. Writes nothing.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody(FILE_BODY)
  @ApiOkResponse({ type: StartupImportReportView })
  @ApiErrors('RATE_LIMITED', 'UNAUTHENTICATED', 'STARTUP_ORG_KIND_INVALID', 'IMPORT_FILE_INVALID', 'IMPORT_TOO_LARGE')
  async dryRun(@CurrentPrincipal() principal: Principal, @Req() request: FastifyRequest): Promise<StartupImportReportView> {
    this.access.assertCanOwnStartups(principal);
    const { body } = await readUpload(request);
    return (await this.imports.dryRun(principal, body)).report;
  }

  @Post()
  @HttpCode(200)
  @RateLimited('imports')
  @ApiOperation({
    summary: 'Import: upsert companies by credit code with their fiscal years (idempotent).',
    description: `Up to 1000 rows are written at once (200). Larger files return 202 with an import job; poll GET /imports/startups/{id}. A file with any error imports nothing (422 IMPORT_HAS_ERRORS with the report).`,
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody(FILE_BODY)
  @ApiOkResponse({ type: StartupImportResultView, description: 'Written at once (`importId` null).' })
  @ApiAcceptedResponse({ type: StartupImportResultView, description: 'Running in the worker: poll `importId`.' })
  @ApiErrors(
    'RATE_LIMITED',
    'UNAUTHENTICATED',
    'STARTUP_ORG_KIND_INVALID',
    'IMPORT_FILE_INVALID',
    'IMPORT_TOO_LARGE',
    'IMPORT_HAS_ERRORS',
  )
  async commit(
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StartupImportResultView> {
    this.access.assertCanOwnStartups(principal);
    const { body, fileName } = await readUpload(request);
    const { report, job } = await this.imports.commit(principal, body, fileName);
    if (report.errors.length) throw startupsError('IMPORT_HAS_ERRORS', { report });
    if (job) reply.status(202);
    return { report, importId: job?.id ?? null };
  }

  @Get(':id')
  @ApiOperation({ summary: 'Progress and result of a background import.' })
  @ApiOkResponse({ type: StartupImportJobView })
  @ApiErrors('UNAUTHENTICATED', 'VALIDATION_FAILED', 'IMPORT_NOT_FOUND')
  async job(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string): Promise<StartupImportJobView> {
    const job = await this.imports.job(principal, id);
    return {
      id: job.id,
      status: job.status,
      fileName: job.fileName,
      totalRows: job.totalRows,
      processedRows: job.processedRows,
      startupsUpserted: job.startupsUpserted,
      errors: job.errors,
      failureReason: job.failureReason,
      createdAt: job.createdAt.toISOString(),
      finishedAt: job.finishedAt?.toISOString() ?? null,
    };
  }
}
