import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Req } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ApiErrors, readSingleUpload, UuidPipe } from '@app/platform';
import { CurrentPrincipal, Principal } from '@app/identity';
import { DealFlowFeedbackDto } from './portfolio.dto';
import { portfolioError } from './portfolio.errors';
import { PORTFOLIO_MAX_BYTES, PortfolioService } from './portfolio.service';
import {
  DealFlowFeedbackView,
  PortfolioImportReportView,
  PortfolioImportResultView,
  PortfolioListView,
  SuggestedMandateResponseView,
} from './portfolio.views';

const FILE_BODY = {
  schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } },
};

function readUpload(request: FastifyRequest): Promise<{ body: Buffer; fileName: string }> {
  return readSingleUpload(request, {
    maxBytes: PORTFOLIO_MAX_BYTES,
    invalid: (reason) => portfolioError('PORTFOLIO_FILE_INVALID', { field: 'file', reason }),
    tooLarge: () => portfolioError('PORTFOLIO_FILE_TOO_LARGE', { field: 'file', maxBytes: PORTFOLIO_MAX_BYTES }),
  });
}

const UPLOAD_ERRORS = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'DEAL_ORG_KIND_INVALID',
  'UNSUPPORTED_MEDIA_TYPE',
  'MALFORMED_REQUEST',
  'PORTFOLIO_FILE_INVALID',
  'PORTFOLIO_FILE_TOO_LARGE',
];

@ApiTags('portfolio')
@ApiBearerAuth()
@Controller()
export class PortfolioController {
  constructor(private readonly portfolio: PortfolioService) {}

  @Get('portfolio')
  @ApiOperation({
    summary: 'Your organization’s imported portfolio (past investments); no other organization sees it.',
  })
  @ApiOkResponse({ type: PortfolioListView })
  @ApiErrors('UNAUTHENTICATED', 'FORBIDDEN', 'DEAL_ORG_KIND_INVALID')
  async list(@CurrentPrincipal() principal: Principal): Promise<PortfolioListView> {
    const rows = await this.portfolio.list(principal);
    return {
      items: rows.map((r) => ({
        id: r.id,
        companyName: r.companyName,
        investedOn: r.investedOn,
        round: r.round,
        amount: r.amount,
        tracks: r.tracks,
        regionCode: r.regionCode,
        keywords: r.keywords,
        sourceRow: r.sourceRow,
      })),
    };
  }

  @Post('portfolio/import/dry-run')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Check a portfolio file (.xlsx or .csv; columns 公司名称, 投资日期, 轮次, 投资金额（元）, 赛道, 地区代码, 关键词): every cell error with row, column, value and code. Writes nothing.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody(FILE_BODY)
  @ApiOkResponse({ type: PortfolioImportReportView })
  @ApiErrors(...UPLOAD_ERRORS)
  async dryRun(
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
  ): Promise<PortfolioImportReportView> {
    const { body } = await readUpload(request);
    return (await this.portfolio.dryRun(principal, body)).report;
  }

  @Post('portfolio/import')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Import your portfolio: the file’s rows replace the imported portfolio in one transaction (re-importing a file changes nothing). A file with any error imports nothing.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody(FILE_BODY)
  @ApiOkResponse({ type: PortfolioImportResultView })
  @ApiErrors(...UPLOAD_ERRORS, 'PORTFOLIO_IMPORT_HAS_ERRORS')
  async import(
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
  ): Promise<PortfolioImportResultView> {
    const { body } = await readUpload(request);
    return this.portfolio.import(principal, body);
  }

  @Put('mandates/:id/deal-flow/:projectId/feedback')
  @ApiOperation({
    summary:
      'Mark a deal-flow item “more like this” or “not for us”: it feeds the mandate’s portfolio fit (a later mark replaces the earlier one).',
  })
  @ApiOkResponse({ type: DealFlowFeedbackView })
  @ApiErrors(
    'UNAUTHENTICATED',
    'VALIDATION_FAILED',
    'FORBIDDEN',
    'DEAL_ORG_KIND_INVALID',
    'MANDATE_NOT_FOUND',
    'PROJECT_NOT_FOUND',
  )
  async setFeedback(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Param('projectId', UuidPipe) projectId: string,
    @Body() body: DealFlowFeedbackDto,
  ): Promise<DealFlowFeedbackView> {
    const row = await this.portfolio.setFeedback(principal, id, projectId, body.kind);
    return {
      mandateId: row.mandateId,
      projectId: row.projectId,
      kind: row.kind,
      updatedAt: row.updatedAt.toISOString(),
    };
  }

  @Delete('mandates/:id/deal-flow/:projectId/feedback')
  @HttpCode(204)
  @ApiOperation({ summary: 'Withdraw the mark on a deal-flow item.' })
  @ApiNoContentResponse()
  @ApiErrors(
    'UNAUTHENTICATED',
    'VALIDATION_FAILED',
    'FORBIDDEN',
    'DEAL_ORG_KIND_INVALID',
    'MANDATE_NOT_FOUND',
    'DEAL_FLOW_FEEDBACK_NOT_FOUND',
  )
  async clearFeedback(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Param('projectId', UuidPipe) projectId: string,
  ): Promise<void> {
    await this.portfolio.clearFeedback(principal, id, projectId);
  }

  @Get('mandates/:id/suggested-mandate')
  @ApiOperation({
    summary:
      '“What you actually do”: the stages, tracks, regions and ticket band your history (deals, marks, imported portfolio) suggests, beside the written mandate, with what differs.',
  })
  @ApiOkResponse({ type: SuggestedMandateResponseView })
  @ApiErrors('UNAUTHENTICATED', 'VALIDATION_FAILED', 'FORBIDDEN', 'MANDATE_NOT_FOUND', 'MANDATE_ORG_KIND_INVALID')
  async suggested(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
  ): Promise<SuggestedMandateResponseView> {
    const { mandate, suggested } = await this.portfolio.suggested(principal, id);
    return { mandateId: mandate.id, termsVersion: mandate.termsVersion, suggested };
  }
}
