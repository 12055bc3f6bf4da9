import { ApiProperty } from '@nestjs/swagger';
import { STAGES, TRACKS } from '@app/reference';
import { FEEDBACK_KINDS } from './history';

class TextView {
  @ApiProperty() zh: string;
  @ApiProperty() en: string;
}

export class SuggestedValueView {
  @ApiProperty({ description: 'A stage, track code or 2-digit province code' }) value: string;
  @ApiProperty({ type: Number, minimum: 0, maximum: 1, description: 'Share of the positive weight (4 decimals)' })
  share: number;
  @ApiProperty({ description: 'The written mandate names it (or names none)' }) written: boolean;
}

export class SuggestedTicketView {
  @ApiProperty({ type: 'integer', description: '分: weighted 10th percentile of the amounts' }) min: number;
  @ApiProperty({ type: 'integer', description: '分: weighted 90th percentile' }) max: number;
  @ApiProperty({ type: 'integer', description: '分: weighted median' }) median: number;
  @ApiProperty({ type: 'integer', description: 'How many amounts it is based on' }) amounts: number;
}

export class SuggestedBasisView {
  @ApiProperty({ type: 'integer' }) positives: number;
  @ApiProperty({ type: Number, description: 'Their total weight' }) weight: number;
  @ApiProperty({ type: 'integer' }) deals: number;
  @ApiProperty({ type: 'integer' }) marks: number;
  @ApiProperty({ type: 'integer' }) imported: number;
}

export class WrittenTermsView {
  @ApiProperty({ type: [String], enum: STAGES }) stages: string[];
  @ApiProperty({ type: [String], enum: TRACKS.map((t) => t.code) }) tracks: string[];
  @ApiProperty({ type: [String], description: 'Hard and preferred regions' }) regions: string[];
  @ApiProperty({ type: 'integer' }) ticketMin: number;
  @ApiProperty({ type: 'integer' }) ticketMax: number;
}

/** "What you actually do": the mandate the positive history suggests, beside the written one. */
export class SuggestedMandateView {
  @ApiProperty({ type: SuggestedBasisView }) basis: SuggestedBasisView;
  @ApiProperty({ type: [SuggestedValueView], description: 'Stages with ≥ 10 % of the weight, in stage order' })
  stages: SuggestedValueView[];
  @ApiProperty({ type: [SuggestedValueView], description: 'Tracks with ≥ 10 % of the weight' })
  tracks: SuggestedValueView[];
  @ApiProperty({ type: [SuggestedValueView], description: 'Provinces with ≥ 10 % of the weight' })
  regions: SuggestedValueView[];
  @ApiProperty({ type: SuggestedTicketView, nullable: true }) ticket: SuggestedTicketView | null;
  @ApiProperty({ type: WrittenTermsView }) written: WrittenTermsView;
  @ApiProperty({ type: [TextView], description: 'What differs from the written mandate, one sentence each' })
  differences: TextView[];
}

export class SuggestedMandateResponseView {
  @ApiProperty() mandateId: string;
  @ApiProperty({ type: 'integer' }) termsVersion: number;
  @ApiProperty({ type: SuggestedMandateView }) suggested: SuggestedMandateView;
}

export class PortfolioInvestmentView {
  @ApiProperty() id: string;
  @ApiProperty() companyName: string;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) investedOn: string | null;
  @ApiProperty({ type: String, nullable: true, enum: STAGES }) round: string | null;
  @ApiProperty({ type: 'integer', nullable: true, description: '分' }) amount: number | null;
  @ApiProperty({ type: [String], enum: TRACKS.map((t) => t.code) }) tracks: string[];
  @ApiProperty({ type: String, nullable: true }) regionCode: string | null;
  @ApiProperty({ type: [String] }) keywords: string[];
  @ApiProperty({ type: 'integer' }) sourceRow: number;
}

export class PortfolioListView {
  @ApiProperty({ type: [PortfolioInvestmentView] }) items: PortfolioInvestmentView[];
}

export class PortfolioCellErrorView {
  @ApiProperty({ type: 'integer' }) row: number;
  @ApiProperty() column: string;
  @ApiProperty() value: string;
  @ApiProperty() code: string;
}

export class PortfolioImportReportView {
  @ApiProperty({ enum: ['xlsx', 'csv'] }) format: string;
  @ApiProperty({ type: 'integer' }) totalRows: number;
  @ApiProperty({ type: 'integer' }) validRows: number;
  @ApiProperty({ type: [PortfolioCellErrorView] }) errors: PortfolioCellErrorView[];
}

export class PortfolioImportResultView {
  @ApiProperty({ type: PortfolioImportReportView }) report: PortfolioImportReportView;
  @ApiProperty({ type: 'integer', description: 'Investments now in the imported portfolio (the file replaced it)' })
  imported: number;
}

export class DealFlowFeedbackView {
  @ApiProperty() mandateId: string;
  @ApiProperty() projectId: string;
  @ApiProperty({ enum: FEEDBACK_KINDS }) kind: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}
