import { ApiProperty } from '@nestjs/swagger';

const CELL_CODES = [
  'REQUIRED',
  'NUL_CHARACTER',
  'TOO_LONG',
  'NOT_A_DATE',
  'REGION_CODE_INVALID',
  'CREDIT_CODE_INVALID',
  'NOT_A_YEAR',
  'NOT_A_COUNT',
  'NOT_MONEY',
  'NOT_YES_NO',
  'TRACK_UNKNOWN',
  'INDUSTRY_UNKNOWN',
  'FIGURES_CONTRADICT',
  'DUPLICATE_ROW',
  'HEADER_MISSING',
  'CREDIT_CODE_OWNED_ELSEWHERE',
];

export class StartupImportCellErrorView {
  @ApiProperty({ type: 'integer', description: 'Spreadsheet row (1 is the header row).' }) row: number;
  @ApiProperty({ description: 'The column header, as in the template (zh-CN).' }) column: string;
  @ApiProperty({ description: 'The cell as read.' }) value: string;
  @ApiProperty({ enum: CELL_CODES }) code: string;
}

export class StartupImportReportView {
  @ApiProperty({ enum: ['xlsx', 'csv'] }) format: string;
  @ApiProperty({ type: 'integer' }) totalRows: number;
  @ApiProperty({ type: 'integer' }) validRows: number;
  @ApiProperty({ type: 'integer', description: 'Distinct credit codes.' }) companies: number;
  @ApiProperty({ type: [StartupImportCellErrorView] }) errors: StartupImportCellErrorView[];
  @ApiProperty({ description: 'More errors than the report lists.' }) errorsTruncated: boolean;
}

export class StartupImportResultView {
  @ApiProperty({ type: StartupImportReportView }) report: StartupImportReportView;
  @ApiProperty({ type: String, nullable: true, description: 'Set when the file runs as a background job (202).' })
  importId: string | null;
}

export class StartupImportJobView {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['queued', 'running', 'succeeded', 'failed'] }) status: string;
  @ApiProperty() fileName: string;
  @ApiProperty({ type: 'integer' }) totalRows: number;
  @ApiProperty({ type: 'integer' }) processedRows: number;
  @ApiProperty({ type: 'integer' }) startupsUpserted: number;
  @ApiProperty({ type: [StartupImportCellErrorView] }) errors: StartupImportCellErrorView[];
  @ApiProperty({ type: String, nullable: true }) failureReason: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) finishedAt: string | null;
}
