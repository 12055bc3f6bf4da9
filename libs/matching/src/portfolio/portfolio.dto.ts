import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { FEEDBACK_KINDS, type FeedbackKind } from './history';

export class DealFlowFeedbackDto {
  @ApiProperty({
    enum: FEEDBACK_KINDS,
    description: '`more_like_this` (counts as a light positive for portfolio fit) or `not_for_us` (a negative).',
  })
  @IsIn(FEEDBACK_KINDS)
  kind: FeedbackKind;
}
