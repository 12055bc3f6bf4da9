import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class SearchHitView {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['project', 'startup', 'mandate'] }) kind: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The indexed document: public fields only (no figures, IP detail, decks or exclusions).',
  })
  document: Record<string, unknown>;
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
    additionalProperties: { type: 'object', additionalProperties: { type: 'number' } },
    description: 'facet → value → count over every match visible to you (not only this page).',
  })
  facets: Record<string, Record<string, number>>;
  @ApiProperty({
    description:
      'Matches visible to you (estimate: hits failing the permission re-check are dropped from the page only).',
  })
  estimatedTotal: number;
  @ApiProperty() page: number;
  @ApiProperty() limit: number;
  @ApiProperty({ enum: ['embedded', 'meilisearch'] }) engine: string;
  @ApiProperty({ description: 'Engine time in ms.' }) processingMs: number;
}

export class ReindexResultView {
  @ApiProperty({ enum: ['embedded', 'meilisearch'] }) engine: string;
  @ApiProperty({
    type: 'array',
    items: {
      type: 'object',
      properties: { index: { type: 'string' }, documents: { type: 'number' }, tookMs: { type: 'number' } },
    },
  })
  indexes: { index: string; documents: number; tookMs: number }[];
  @ApiProperty({ description: 'Wall time of the whole rebuild in ms.' }) tookMs: number;
}
