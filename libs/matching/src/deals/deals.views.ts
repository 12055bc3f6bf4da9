import { ApiProperty } from '@nestjs/swagger';
import type { MandateEntity } from '@app/funds';
import { DEAL_STAGES, nextStages, PASS_REASON_LABELS, PASS_REASONS, type PassReason } from './deal-stages';
import type { DealEntity } from './deal.entity';
import type { DealTransitionEntity } from './deal-transition.entity';
import type { DealWithHistory, DealSubject } from './deals.service';
import { HIDDEN_INVESTOR_LABEL, type DealFeedback } from './deal-insights.service';
import type { StatedVsActual } from './stated-vs-actual';
import { SuggestedMandateView } from '../portfolio/portfolio.views';
import type { SuggestedMandate } from '../portfolio/suggested-mandate';

export class LabelView {
  @ApiProperty() zh: string;
  @ApiProperty() en: string;
}

export class PassReasonView {
  @ApiProperty({ enum: PASS_REASONS }) code: string;
  @ApiProperty({ nullable: true, type: String }) text: string | null;
  @ApiProperty({ type: LabelView }) label: LabelView;
}

export class DealTransitionView {
  @ApiProperty() id: string;
  @ApiProperty({ enum: DEAL_STAGES, nullable: true, description: 'null for the opening of the deal' }) fromStage:
    string | null;
  @ApiProperty({ enum: DEAL_STAGES }) toStage: string;
  @ApiProperty() actorUserId: string;
  @ApiProperty({ description: 'Strictly increasing within a deal.' }) at: string;
  @ApiProperty({ type: PassReasonView, nullable: true }) passReason: PassReasonView | null;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
}

export class DealView {
  @ApiProperty() id: string;
  @ApiProperty() investorOrganizationId: string;
  @ApiProperty() projectId: string;
  @ApiProperty() startupId: string;
  @ApiProperty() startupOrganizationId: string;
  @ApiProperty({ nullable: true, type: String }) mandateId: string | null;
  @ApiProperty({ nullable: true, type: Number }) mandateTermsVersion: number | null;
  @ApiProperty({ enum: DEAL_STAGES }) stage: string;
  @ApiProperty({ enum: DEAL_STAGES, isArray: true, description: 'Where the deal may move next.' })
  allowedNext: string[];
  @ApiProperty({ type: PassReasonView, nullable: true }) passReason: PassReasonView | null;
  @ApiProperty({ nullable: true, type: Number }) scoreAtOpen: number | null;
  @ApiProperty({ nullable: true, type: String }) scoreVersion: string | null;
  @ApiProperty({ nullable: true, type: Number, description: '分; set from term sheet on' }) amount: number | null;
  @ApiProperty() createdBy: string;
  @ApiProperty() stageChangedAt: string;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
  @ApiProperty({ description: 'Row version (bumped on every change).' }) version: number;
}

export class DealListItemView extends DealView {
  @ApiProperty({ nullable: true, type: String }) projectTitle: string | null;
  @ApiProperty({ nullable: true, type: String }) startupName: string | null;
}

export class DealPageView {
  @ApiProperty({ type: [DealListItemView] }) items: DealListItemView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class DealDetailView extends DealView {
  @ApiProperty({ type: [DealTransitionView], description: 'Every stage change, oldest first.' })
  transitions: DealTransitionView[];
}

export class DealFeedbackView {
  @ApiProperty({ enum: DEAL_STAGES }) stage: string;
  @ApiProperty() stageChangedAt: string;
  @ApiProperty({ type: PassReasonView, nullable: true }) passReason: PassReasonView | null;
  @ApiProperty({ nullable: true, type: String, description: 'null when the investor hides its name on passes' })
  investorOrganizationId: string | null;
  @ApiProperty({ nullable: true, type: String }) investorName: string | null;
  @ApiProperty() investorNameHidden: boolean;
  @ApiProperty({ description: 'The investor’s name, or “一家投资机构 / An investor” when hidden (caller’s language).' })
  investorLabel: string;
  @ApiProperty({ nullable: true, type: Number, description: '分; only from term sheet on' }) amount: number | null;
}

export class DistributionEntryView {
  @ApiProperty() value: string;
  @ApiProperty() count: number;
  @ApiProperty({ nullable: true, type: Number, description: 'count ÷ engaged deals' }) share: number | null;
  @ApiProperty({ description: 'The mandate states this value' }) stated: boolean;
}

class FitView {
  @ApiProperty({ description: 'Engaged deals inside the stated set or range' }) inside: number;
  @ApiProperty() outside: number;
  @ApiProperty({ description: 'Engaged deals lacking the fact' }) unknown: number;
  @ApiProperty({ nullable: true, type: Number, description: 'inside ÷ (inside + outside)' }) insideShare: number | null;
}

export class SetFitView extends FitView {
  @ApiProperty({ type: [String], description: 'From the current terms; empty = any' }) stated: string[];
  @ApiProperty() statesAny: boolean;
  @ApiProperty({ type: [DistributionEntryView] }) distribution: DistributionEntryView[];
}

export class TicketBucketView {
  @ApiProperty() key: string;
  @ApiProperty({ description: '分, inclusive' }) min: number;
  @ApiProperty({ nullable: true, type: Number, description: '分, exclusive; null = open-ended' }) max: number | null;
  @ApiProperty() count: number;
  @ApiProperty({ nullable: true, type: Number }) share: number | null;
  @ApiProperty() overlapsStated: boolean;
}

export class TicketFitView extends FitView {
  @ApiProperty({ description: '分' }) statedMin: number;
  @ApiProperty({ description: '分' }) statedMax: number;
  @ApiProperty({ type: [TicketBucketView] }) buckets: TicketBucketView[];
  @ApiProperty() below: number;
  @ApiProperty() above: number;
  @ApiProperty({ description: 'Tickets taken from the deal’s agreed amount' }) fromAmount: number;
  @ApiProperty({ description: 'Tickets taken from the project’s amount sought' }) fromAmountSought: number;
}

export class StatedVsActualTotalsView {
  @ApiProperty({ description: 'Deals opened under the mandate (any terms version)' }) deals: number;
  @ApiProperty({ description: 'Deals that reached meeting or beyond: the population of the distributions' })
  engaged: number;
  @ApiProperty({ description: 'Deals currently passed' }) passed: number;
}

export class PipelineCountView {
  @ApiProperty({ enum: DEAL_STAGES }) stage: string;
  @ApiProperty() count: number;
}

export class TermsVersionCountView {
  @ApiProperty({ nullable: true, type: Number }) termsVersion: number | null;
  @ApiProperty() deals: number;
}

export class PassReasonCountView {
  @ApiProperty({ enum: PASS_REASONS }) code: string;
  @ApiProperty({ type: LabelView }) label: LabelView;
  @ApiProperty() count: number;
}

export class PassReasonsView {
  @ApiProperty() total: number;
  @ApiProperty({ type: [PassReasonCountView] }) byReason: PassReasonCountView[];
}

export class StatedVsActualView {
  @ApiProperty() mandateId: string;
  @ApiProperty() mandateName: string;
  @ApiProperty({ description: 'The terms version the stated side is taken from (current)' }) termsVersion: number;
  @ApiProperty({ type: [String], enum: DEAL_STAGES, description: 'Deal stages that count as engaged' })
  engagedStages: string[];
  @ApiProperty({ type: StatedVsActualTotalsView }) totals: StatedVsActualTotalsView;
  @ApiProperty({ type: [PipelineCountView] }) pipeline: PipelineCountView[];
  @ApiProperty({ type: [TermsVersionCountView] }) byTermsVersion: TermsVersionCountView[];
  @ApiProperty({ type: SetFitView, description: 'Project stages' }) stage: SetFitView;
  @ApiProperty({ type: SetFitView, description: 'Company tracks (a company counts once in each of its tracks)' })
  track: SetFitView;
  @ApiProperty({ type: TicketFitView, description: 'Agreed amount, else the project’s amount sought' })
  ticket: TicketFitView;
  @ApiProperty({ type: PassReasonsView }) passReasons: PassReasonsView;
  @ApiProperty({
    type: SuggestedMandateView,
    description: '“What you actually do”: the mandate your history (deals, marks, imported portfolio) suggests',
  })
  suggested: SuggestedMandateView;
}

export class DealFeedbackListView {
  @ApiProperty({ type: [DealFeedbackView] }) items: DealFeedbackView[];
}

const passReason = (r: PassReason | null): PassReasonView | null =>
  r ? { code: r.code, text: r.text ?? null, label: { ...PASS_REASON_LABELS[r.code] } } : null;

const transition = (t: DealTransitionEntity): DealTransitionView => ({
  id: t.id,
  fromStage: t.fromStage,
  toStage: t.toStage,
  actorUserId: t.actorUserId,
  at: t.at.toISOString(),
  passReason: passReason(t.passReason),
  note: t.note,
});

const deal = (d: DealEntity): DealView => ({
  id: d.id,
  investorOrganizationId: d.investorOrganizationId,
  projectId: d.projectId,
  startupId: d.startupId,
  startupOrganizationId: d.startupOrganizationId,
  mandateId: d.mandateId,
  mandateTermsVersion: d.mandateTermsVersion,
  stage: d.stage,
  allowedNext: nextStages(d.stage),
  passReason: passReason(d.passReason),
  scoreAtOpen: d.scoreAtOpen,
  scoreVersion: d.scoreVersion,
  amount: d.amount,
  createdBy: d.createdBy,
  stageChangedAt: d.stageChangedAt.toISOString(),
  createdAt: d.createdAt.toISOString(),
  updatedAt: d.updatedAt.toISOString(),
  version: d.version,
});

export const dealsMapper = {
  deal,
  listItem: (d: DealEntity & DealSubject): DealListItemView => ({
    ...deal(d),
    projectTitle: d.projectTitle,
    startupName: d.startupName,
  }),
  detail: ({ deal: d, transitions }: DealWithHistory): DealDetailView => ({
    ...deal(d),
    transitions: transitions.map(transition),
  }),
  feedback: (f: DealFeedback, locale: 'zh-CN' | 'en'): DealFeedbackView => ({
    stage: f.stage,
    stageChangedAt: f.stageChangedAt.toISOString(),
    passReason: passReason(f.passReason),
    investorOrganizationId: f.investorOrganizationId,
    investorName: f.investorName,
    investorNameHidden: f.investorNameHidden,
    investorLabel: f.investorName ?? (locale === 'en' ? HIDDEN_INVESTOR_LABEL.en : HIDDEN_INVESTOR_LABEL.zh),
    amount: f.amount,
  }),
  statedVsActual: (
    m: MandateEntity,
    figure: StatedVsActual,
    engagedStages: readonly string[],
    suggested: SuggestedMandate,
  ): StatedVsActualView => ({
    suggested,
    mandateId: m.id,
    mandateName: m.name,
    termsVersion: m.termsVersion,
    engagedStages: [...engagedStages],
    ...figure,
  }),
};
