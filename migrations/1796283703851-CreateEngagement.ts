import { MigrationInterface, QueryRunner } from "typeorm";

export class CreateEngagement1796283703851 implements MigrationInterface {
    name = 'CreateEngagement1796283703851'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "notifications" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "dedupe_key" text NOT NULL,
                "recipient_key" text NOT NULL,
                "recipient_user_id" uuid,
                "organization_id" uuid,
                "recipient_email" text,
                "locale" text NOT NULL,
                "kind" text NOT NULL,
                "title" text NOT NULL,
                "body" text NOT NULL,
                "link" text,
                "in_app" boolean NOT NULL DEFAULT true,
                "ics" text,
                "email_status" text NOT NULL DEFAULT 'none',
                "email_attempts" integer NOT NULL DEFAULT '0',
                "email_next_attempt_at" TIMESTAMP WITH TIME ZONE,
                "emailed_at" TIMESTAMP WITH TIME ZONE,
                "email_error" text,
                "read_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_6a72c3c0f683f6462415e653c3a" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_notifications_email_pending" ON "notifications" ("email_next_attempt_at")
            WHERE email_status = 'pending'
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_notifications_inbox" ON "notifications" (
                "recipient_user_id",
                "organization_id",
                "created_at"
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_notifications_dedupe" ON "notifications" ("dedupe_key", "recipient_key")
        `);
        await queryRunner.query(`
            CREATE TABLE "follow_up_tasks" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "meeting_id" uuid NOT NULL,
                "event_id" uuid NOT NULL,
                "kind" text NOT NULL,
                "owner_organization_id" uuid NOT NULL,
                "counterpart_organization_id" uuid NOT NULL,
                "organizer_organization_id" uuid NOT NULL,
                "time_zone" text NOT NULL,
                "started_on" date NOT NULL,
                "working_days" integer NOT NULL,
                "due_on" date NOT NULL,
                "due_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "provisional" boolean NOT NULL DEFAULT false,
                "status" text NOT NULL DEFAULT 'open',
                "done_at" TIMESTAMP WITH TIME ZONE,
                "done_by_user_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_59b8a8794c3c8b1c1f3a5bccd46" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_follow_up_tasks_owner" ON "follow_up_tasks" ("owner_organization_id", "status", "due_at")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_follow_up_tasks_source" ON "follow_up_tasks" ("meeting_id", "kind")
        `);
        await queryRunner.query(`
            CREATE TABLE "holiday_days" (
                "date" date NOT NULL,
                "kind" text NOT NULL,
                "name" text NOT NULL,
                "year" integer NOT NULL,
                "source" text NOT NULL,
                CONSTRAINT "PK_a502f64fc1b8f98ddc6dae47085" PRIMARY KEY ("date")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_holiday_days_year" ON "holiday_days" ("year")
        `);
        await queryRunner.query(`
            CREATE TABLE "holiday_years" (
                "year" integer NOT NULL,
                "source" text NOT NULL,
                "loaded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_bf77de2c809b9150aa9b3fcc875" PRIMARY KEY ("year")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "scheduled_notifications" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "kind" text NOT NULL,
                "target_type" text NOT NULL,
                "target_id" uuid NOT NULL,
                "event_id" uuid,
                "recipient_organization_id" uuid NOT NULL,
                "label" text NOT NULL,
                "due_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "status" text NOT NULL DEFAULT 'pending',
                "attempts" integer NOT NULL DEFAULT '0',
                "payload" jsonb NOT NULL,
                "sent_at" TIMESTAMP WITH TIME ZONE,
                "last_error" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_9eb8b287229934bbd076a5d64f7" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_scheduled_notifications_event" ON "scheduled_notifications" ("event_id", "kind")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_scheduled_notifications_due" ON "scheduled_notifications" ("due_at")
            WHERE status = 'pending'
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_scheduled_notifications_target" ON "scheduled_notifications" (
                "kind",
                "target_id",
                "recipient_organization_id",
                "label"
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "notification_preferences" (
                "user_id" uuid NOT NULL,
                "kind" text NOT NULL,
                "channels" text array NOT NULL,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_4beeeb46feaf58d75e124c8ba58" PRIMARY KEY ("user_id", "kind")
            )
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP TABLE "notification_preferences"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ux_scheduled_notifications_target"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_scheduled_notifications_due"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_scheduled_notifications_event"
        `);
        await queryRunner.query(`
            DROP TABLE "scheduled_notifications"
        `);
        await queryRunner.query(`
            DROP TABLE "holiday_years"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_holiday_days_year"
        `);
        await queryRunner.query(`
            DROP TABLE "holiday_days"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ux_follow_up_tasks_source"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_follow_up_tasks_owner"
        `);
        await queryRunner.query(`
            DROP TABLE "follow_up_tasks"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ux_notifications_dedupe"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_notifications_inbox"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_notifications_email_pending"
        `);
        await queryRunner.query(`
            DROP TABLE "notifications"
        `);
    }

}
