import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { can, type Principal } from '@app/identity';
import { APP_CONFIG, type AppConfig, platformError, UnitOfWork } from '@app/platform';
import { RoadshowDirectory, roadshowsError } from '@app/roadshows';
import { engagementError } from '../engagement.errors';
import { EngagementSettingsEntity, type SettingsScope } from '../entities/engagement-settings.entity';

/** The defaults before anything is set: T-24h and T-1h. */
export const DEFAULT_REMINDER_OFFSET_MINUTES: readonly number[] = [24 * 60, 60];
/** At most 30 days ahead, at least 5 minutes, up to 4 reminders. */
export const REMINDER_OFFSET_LIMITS = { min: 5, max: 30 * 24 * 60, count: 4 } as const;

/** `T-24h`, `T-1h`, `T-90m`, `T-2d` … (the label is part of a reminder row's identity). */
export function offsetLabel(minutes: number): string {
  if (minutes % (24 * 60) === 0 && minutes > 24 * 60) return `T-${minutes / (24 * 60)}d`;
  if (minutes % 60 === 0) return `T-${minutes / 60}h`;
  return `T-${minutes}m`;
}

export interface EffectiveSettings {
  reminderOffsetsMinutes: number[];
  followUpWorkingDays: number;
  acknowledgeWorkingDays: number;
  /** Where each value came from. */
  source: {
    reminderOffsetsMinutes: 'event' | 'organizer' | 'default';
    followUpWorkingDays: 'organizer' | 'default';
    acknowledgeWorkingDays: 'organizer' | 'default';
  };
}

export interface SettingsInput {
  reminderOffsetsMinutes?: number[] | null;
  followUpWorkingDays?: number | null;
  acknowledgeWorkingDays?: number | null;
}

/**
 * Engagement settings: an organizer's defaults (follow-up reply and acknowledge clocks in working
 * days, reminder times) and an event's own reminder times. Event → organizer → env default.
 */
@Injectable()
export class EngagementSettingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly roadshows: RoadshowDirectory,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private row(scopeType: SettingsScope, scopeId: string) {
    return this.dataSource.getRepository(EngagementSettingsEntity).findOneBy({ scopeType, scopeId });
  }

  /** What applies to an event of `organizerOrganizationId`. */
  async effective(organizerOrganizationId: string, eventId: string | null): Promise<EffectiveSettings> {
    const [org, event] = await Promise.all([
      this.row('organization', organizerOrganizationId),
      eventId ? this.row('event', eventId) : Promise.resolve(null),
    ]);
    const reply = org?.followUpWorkingDays ?? this.config.FOLLOW_UP_WORKING_DAYS;
    const ack = Math.min(org?.acknowledgeWorkingDays ?? this.config.FOLLOW_UP_ACK_WORKING_DAYS, reply);
    const offsets = event?.reminderOffsetsMinutes ?? org?.reminderOffsetsMinutes ?? null;
    return {
      reminderOffsetsMinutes: [...(offsets ?? DEFAULT_REMINDER_OFFSET_MINUTES)],
      followUpWorkingDays: reply,
      acknowledgeWorkingDays: ack,
      source: {
        reminderOffsetsMinutes: event?.reminderOffsetsMinutes
          ? 'event'
          : org?.reminderOffsetsMinutes
            ? 'organizer'
            : 'default',
        followUpWorkingDays: org?.followUpWorkingDays ? 'organizer' : 'default',
        acknowledgeWorkingDays: org?.acknowledgeWorkingDays ? 'organizer' : 'default',
      },
    };
  }

  private assertOrganizer(principal: Principal): void {
    if (principal.organizationKind !== 'organizer' || !can(principal, 'event:manage', principal.organizationId))
      throw platformError('FORBIDDEN', { action: 'event:manage' });
  }

  /** The organizer's own defaults. */
  async organizer(principal: Principal): Promise<EffectiveSettings> {
    this.assertOrganizer(principal);
    return this.effective(principal.organizationId, null);
  }

  private check(input: SettingsInput): void {
    const offsets = input.reminderOffsetsMinutes;
    if (offsets) {
      if (offsets.length === 0 || offsets.length > REMINDER_OFFSET_LIMITS.count)
        throw engagementError('FOLLOW_UP_SETTINGS_INVALID', { field: 'reminderOffsetsMinutes', reason: 'count' });
      for (const [i, m] of offsets.entries())
        if (!Number.isSafeInteger(m) || m < REMINDER_OFFSET_LIMITS.min || m > REMINDER_OFFSET_LIMITS.max)
          throw engagementError('FOLLOW_UP_SETTINGS_INVALID', {
            field: `reminderOffsetsMinutes[${i}]`,
            reason: 'range',
          });
      if (new Set(offsets).size !== offsets.length)
        throw engagementError('FOLLOW_UP_SETTINGS_INVALID', { field: 'reminderOffsetsMinutes', reason: 'duplicate' });
    }
    const reply = input.followUpWorkingDays;
    const ack = input.acknowledgeWorkingDays;
    if (reply != null && ack != null && ack > reply)
      throw engagementError('FOLLOW_UP_SETTINGS_INVALID', {
        field: 'acknowledgeWorkingDays',
        reason: 'after_reply_deadline',
      });
  }

  private async write(scopeType: SettingsScope, scopeId: string, input: SettingsInput, userId: string) {
    await this.uow.run(async (tx) => {
      const repo = tx.em.getRepository(EngagementSettingsEntity);
      const existing = await repo.findOneBy({ scopeType, scopeId });
      const row =
        existing ??
        repo.create({
          scopeType,
          scopeId,
          reminderOffsetsMinutes: null,
          followUpWorkingDays: null,
          acknowledgeWorkingDays: null,
        });
      if (input.reminderOffsetsMinutes !== undefined)
        row.reminderOffsetsMinutes = input.reminderOffsetsMinutes
          ? [...input.reminderOffsetsMinutes].sort((a, b) => b - a)
          : null;
      if (input.followUpWorkingDays !== undefined) row.followUpWorkingDays = input.followUpWorkingDays;
      if (input.acknowledgeWorkingDays !== undefined) row.acknowledgeWorkingDays = input.acknowledgeWorkingDays;
      row.updatedByUserId = userId;
      await repo.save(row);
      if (scopeType === 'event') tx.publish({ type: 'engagement.reminder_settings_changed', eventId: scopeId });
    });
  }

  async setOrganizer(principal: Principal, input: SettingsInput): Promise<EffectiveSettings> {
    this.assertOrganizer(principal);
    this.check(input);
    const current = await this.effective(principal.organizationId, null);
    const reply =
      input.followUpWorkingDays === undefined
        ? current.followUpWorkingDays
        : (input.followUpWorkingDays ?? this.config.FOLLOW_UP_WORKING_DAYS);
    const ack =
      input.acknowledgeWorkingDays === undefined
        ? current.acknowledgeWorkingDays
        : (input.acknowledgeWorkingDays ?? this.config.FOLLOW_UP_ACK_WORKING_DAYS);
    if (ack > reply)
      throw engagementError('FOLLOW_UP_SETTINGS_INVALID', {
        field: 'acknowledgeWorkingDays',
        reason: 'after_reply_deadline',
      });
    await this.write('organization', principal.organizationId, input, principal.userId);
    return this.effective(principal.organizationId, null);
  }

  /** The organizer's event, or 404 as if missing. */
  private async ownEvent(principal: Principal, eventId: string) {
    const e = await this.roadshows.eventBrief(eventId);
    if (!e || !can(principal, 'event:manage', e.organizationId)) throw roadshowsError('EVENT_NOT_FOUND');
    return e;
  }

  async event(principal: Principal, eventId: string): Promise<EffectiveSettings> {
    const e = await this.ownEvent(principal, eventId);
    return this.effective(e.organizationId, e.id);
  }

  /** An event's reminder times; `null` goes back to the organizer's (or the default). Reminders already planned move. */
  async setEvent(principal: Principal, eventId: string, offsets: number[] | null): Promise<EffectiveSettings> {
    const e = await this.ownEvent(principal, eventId);
    this.check({ reminderOffsetsMinutes: offsets });
    await this.write('event', e.id, { reminderOffsetsMinutes: offsets }, principal.userId);
    return this.effective(e.organizationId, e.id);
  }
}
