import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiErrors, UuidPipe, readSingleUpload } from '@app/platform';
import { CurrentPrincipal, Principal, ReqContext, RequestContext } from '@app/identity';
import { DECK_MAX_BYTES, DecksService } from '../decks/decks.service';
import { ProjectPageView, ProjectView, startupsMapper } from '../startups.views';
import { startupsError } from '../startups.errors';
import { ProjectInputDto, ProjectListQueryDto, UpdateProjectDto } from './projects.dto';
import { ProjectsService } from './projects.service';

const WRITE_ERRORS = ['UNAUTHENTICATED', 'VALIDATION_FAILED', 'PROJECT_NOT_FOUND', 'STARTUP_ORG_KIND_INVALID'];

@ApiTags('projects')
@ApiBearerAuth()
@Controller('projects')
export class ProjectsController {
  constructor(
    private readonly projects: ProjectsService,
    private readonly decks: DecksService,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Create a project (draft) for one of your companies.' })
  @ApiCreatedResponse({ type: ProjectView })
  @ApiErrors(...WRITE_ERRORS, 'STARTUP_NOT_FOUND')
  async create(@CurrentPrincipal() principal: Principal, @Body() dto: ProjectInputDto): Promise<ProjectView> {
    return startupsMapper.project(await this.projects.create(principal, dto), true);
  }

  @Get()
  @ApiOperation({
    summary: 'Published projects, newest first; `mine=true` lists your organization’s, drafts included.',
  })
  @ApiOkResponse({ type: ProjectPageView })
  @ApiErrors('UNAUTHENTICATED', 'VALIDATION_FAILED', 'INVALID_CURSOR')
  async list(@CurrentPrincipal() principal: Principal, @Query() query: ProjectListQueryDto): Promise<ProjectPageView> {
    const page = await this.projects.list(principal, { ...query, mine: query.mine === 'true' });
    const visible = await this.projects.deckVisible(principal, page.items);
    return { items: page.items.map((p) => startupsMapper.project(p, visible.has(p.id))), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @ApiOperation({ summary: 'A project. Drafts are visible to their own organization only.' })
  @ApiOkResponse({ type: ProjectView })
  @ApiErrors('UNAUTHENTICATED', 'VALIDATION_FAILED', 'PROJECT_NOT_FOUND')
  async get(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string): Promise<ProjectView> {
    const project = await this.projects.get(principal, id);
    const visible = await this.projects.deckVisible(principal, [project]);
    return startupsMapper.project(project, visible.has(project.id));
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Edit a draft or published project (send the version you read).' })
  @ApiOkResponse({ type: ProjectView })
  @ApiErrors(...WRITE_ERRORS, 'VERSION_CONFLICT', 'PROJECT_STATE_INVALID', 'PROJECT_INCOMPLETE', 'STARTUP_NOT_FOUND')
  async update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Body() dto: UpdateProjectDto,
  ): Promise<ProjectView> {
    return startupsMapper.project(await this.projects.update(principal, id, dto), true);
  }

  @Post(':id/publish')
  @HttpCode(200)
  @ApiOperation({ summary: 'draft → published (admins). 422 lists what is missing.' })
  @ApiOkResponse({ type: ProjectView })
  @ApiErrors(...WRITE_ERRORS, 'FORBIDDEN', 'PROJECT_STATE_INVALID', 'PROJECT_INCOMPLETE')
  async publish(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string): Promise<ProjectView> {
    return startupsMapper.project(await this.projects.transition(principal, id, 'published'), true);
  }

  @Post(':id/archive')
  @HttpCode(200)
  @ApiOperation({ summary: 'draft or published → archived (admins).' })
  @ApiOkResponse({ type: ProjectView })
  @ApiErrors(...WRITE_ERRORS, 'FORBIDDEN', 'PROJECT_STATE_INVALID')
  async archive(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string): Promise<ProjectView> {
    return startupsMapper.project(await this.projects.transition(principal, id, 'archived'), true);
  }

  @Post(':id/reopen')
  @HttpCode(200)
  @ApiOperation({ summary: 'archived → draft, to rework and publish again (admins).' })
  @ApiOkResponse({ type: ProjectView })
  @ApiErrors(...WRITE_ERRORS, 'FORBIDDEN', 'PROJECT_STATE_INVALID')
  async reopen(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string): Promise<ProjectView> {
    return startupsMapper.project(await this.projects.transition(principal, id, 'draft'), true);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a draft or archived project (published ones are archived first).' })
  @ApiNoContentResponse()
  @ApiErrors(...WRITE_ERRORS, 'PROJECT_STATE_INVALID')
  async remove(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string): Promise<void> {
    await this.projects.delete(principal, id);
  }

  @Put(':id/deck')
  @ApiOperation({
    summary: 'Upload the pitch deck: one PDF (checked by its bytes), at most 20 MB, as multipart field `file`.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } },
  })
  @ApiOkResponse({ type: ProjectView })
  @ApiErrors(...WRITE_ERRORS, 'DECK_NOT_PDF', 'DECK_TOO_LARGE')
  async uploadDeck(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Req() request: FastifyRequest,
  ): Promise<ProjectView> {
    const { body, fileName } = await readSingleUpload(request, {
      maxBytes: DECK_MAX_BYTES,
      invalid: (reason) => startupsError('DECK_NOT_PDF', { field: 'file', reason }),
      tooLarge: () => startupsError('DECK_TOO_LARGE', { field: 'file', maxBytes: DECK_MAX_BYTES }),
    });
    return startupsMapper.project(await this.decks.upload(principal, id, fileName, body), true);
  }

  @Get(':id/deck')
  @ApiOperation({
    summary: 'Download the deck (confidential: the company, granted organizations; outside downloads are audited).',
  })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The PDF.' })
  @ApiErrors(
    'UNAUTHENTICATED',
    'VALIDATION_FAILED',
    'PROJECT_NOT_FOUND',
    'CONFIDENTIAL_ACCESS_REQUIRED',
    'DECK_MISSING',
  )
  async downloadDeck(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @ReqContext() ctx: RequestContext,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const deck = await this.decks.download(principal, id, ctx);
    await reply
      .header('content-type', 'application/pdf')
      .header('content-length', String(deck.size))
      .header(
        'content-disposition',
        `attachment; filename="deck.pdf"; filename*=UTF-8''${encodeURIComponent(deck.fileName)}`,
      )
      .header('cache-control', 'private, no-store')
      .header('x-content-sha256', deck.sha256)
      .send(deck.stream);
  }
}
