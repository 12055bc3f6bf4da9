import {
  ApiExtraModels,
  ApiProperty,
  ApiPropertyOptional,
  getSchemaPath,
  type ApiPropertyOptions,
} from '@nestjs/swagger';

const str: ApiPropertyOptions = { type: String };
const nullableStr: ApiPropertyOptions = { type: String, nullable: true };
const strings: ApiPropertyOptions = { type: [String] };
const int: ApiPropertyOptions = { type: 'integer' };
const nullableInt: ApiPropertyOptions = { type: 'integer', nullable: true };
const VISIBILITY: ApiPropertyOptions = { enum: ['public', 'organization'] };

/** A project document: public fields only (no figures, IP detail or decks). Money in 分. */
export class ProjectDocumentView {
  @ApiProperty(str) id: string;
  @ApiProperty({ enum: ['project'] }) kind: 'project';
  @ApiProperty(str) startupId: string;
  @ApiProperty(str) organizationId: string;
  @ApiProperty(VISIBILITY) visibility: 'public' | 'organization';
  @ApiProperty(str) title: string;
  @ApiProperty(str) summary: string;
  @ApiProperty(str) pitch: string;
  @ApiProperty(str) startupName: string;
  @ApiProperty(strings) keywords: string[];
  @ApiProperty(strings) tracks: string[];
  @ApiProperty(nullableStr) regionCode: string | null;
  @ApiProperty(nullableStr) provinceCode: string | null;
  @ApiProperty(nullableStr) cityCode: string | null;
  @ApiProperty(nullableStr) stage: string | null;
  @ApiProperty(strings) instruments: string[];
  @ApiProperty({ ...nullableInt, description: '分' }) amountSought: number | null;
  @ApiProperty({ enum: ['draft', 'published', 'archived'] }) status: string;
  @ApiProperty({ ...nullableInt, description: 'Epoch milliseconds.' }) publishedAt: number | null;
  @ApiProperty({ ...int, description: 'Epoch milliseconds.' }) updatedAt: number;
}

/** A company profile document (public). */
export class StartupDocumentView {
  @ApiProperty(str) id: string;
  @ApiProperty({ enum: ['startup'] }) kind: 'startup';
  @ApiProperty(str) organizationId: string;
  @ApiProperty(VISIBILITY) visibility: 'public' | 'organization';
  @ApiProperty(str) name: string;
  @ApiProperty(str) description: string;
  @ApiProperty(strings) tracks: string[];
  @ApiProperty(nullableStr) regionCode: string | null;
  @ApiProperty(nullableStr) provinceCode: string | null;
  @ApiProperty(nullableStr) cityCode: string | null;
  @ApiProperty({ ...strings, description: 'Certificates valid today.' }) qualifications: string[];
  @ApiProperty(nullableInt) foundedYear: number | null;
  @ApiProperty({ ...int, description: 'Epoch milliseconds.' }) updatedAt: number;
}

/** A mandate document: the public part of a discoverable mandate (no exclusions or weights). Money in 分. */
export class MandateDocumentView {
  @ApiProperty(str) id: string;
  @ApiProperty({ enum: ['mandate'] }) kind: 'mandate';
  @ApiProperty(str) organizationId: string;
  @ApiProperty(VISIBILITY) visibility: 'public' | 'organization';
  @ApiProperty(str) orgName: string;
  @ApiProperty(str) name: string;
  @ApiProperty(str) thesis: string;
  @ApiProperty(strings) instruments: string[];
  @ApiProperty(strings) stages: string[];
  @ApiProperty(strings) tracks: string[];
  @ApiProperty(strings) regions: string[];
  @ApiProperty(nullableInt) ticketMin: number | null;
  @ApiProperty(nullableInt) ticketMax: number | null;
  @ApiProperty({ enum: ['active', 'paused'] }) status: string;
  @ApiProperty({ ...int, description: 'Epoch milliseconds.' }) updatedAt: number;
}

@ApiExtraModels(ProjectDocumentView, StartupDocumentView, MandateDocumentView)
export class SearchHitView {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['project', 'startup', 'mandate'] }) kind: string;
  @ApiProperty({
    oneOf: [
      { $ref: getSchemaPath(ProjectDocumentView) },
      { $ref: getSchemaPath(StartupDocumentView) },
      { $ref: getSchemaPath(MandateDocumentView) },
    ],
    description: 'The indexed document (by `kind`): public fields only (no figures, IP detail, decks or exclusions).',
  })
  document: ProjectDocumentView | StartupDocumentView | MandateDocumentView;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'Matched attributes, HTML-escaped, the matched words wrapped in <em>…</em>.',
  })
  highlights: Record<string, string>;
  @ApiPropertyOptional({ type: Number, description: 'Relative relevance within this result (engine specific).' })
  score?: number;
}

export class SearchResultView {
  @ApiProperty({ enum: ['projects', 'startups', 'mandates'] }) type: string;
  @ApiProperty({ description: 'The text searched (trimmed).' }) query: string;
  @ApiProperty({ type: [SearchHitView] }) hits: SearchHitView[];
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'object', additionalProperties: { type: 'integer' } },
    description: 'facet → value → count over every match visible to you (not only this page).',
  })
  facets: Record<string, Record<string, number>>;
  @ApiProperty({
    ...int,
    description:
      'Matches visible to you (estimate: hits failing the permission re-check are dropped from the page only).',
  })
  estimatedTotal: number;
  @ApiProperty(int) page: number;
  @ApiProperty(int) limit: number;
  @ApiProperty({ enum: ['embedded', 'meilisearch'] }) engine: string;
  @ApiProperty({ description: 'Engine time in ms.' }) processingMs: number;
}

export class ReindexResultView {
  @ApiProperty({ enum: ['embedded', 'meilisearch'] }) engine: string;
  @ApiProperty({
    type: 'array',
    items: {
      type: 'object',
      properties: { index: { type: 'string' }, documents: { type: 'integer' }, tookMs: { type: 'number' } },
    },
  })
  indexes: { index: string; documents: number; tookMs: number }[];
  @ApiProperty({ description: 'Wall time of the whole rebuild in ms.' }) tookMs: number;
}
