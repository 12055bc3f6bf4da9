import { MigrationInterface, QueryRunner } from "typeorm";

export class AddEngagementOutcomesSettingsDigests1796298615549 implements MigrationInterface {
    name = 'AddEngagementOutcomesSettingsDigests1796298615549'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "outcomes" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "subject_type" text NOT NULL,
                "subject_id" uuid NOT NULL,
                "event_id" uuid,
                "investor_organization_id" uuid NOT NULL,
                "founder_organization_id" uuid NOT NULL,
                "project_id" uuid,
                "investor_side" jsonb,
                "founder_side" jsonb,
                "stage" text,
                "confirmed" boolean NOT NULL DEFAULT false,
                "attendance" text,
                "terms" jsonb,
                "instrument" text,
                "amount" bigint,
                "disbursed_amount" bigint,
                "pass_reason_code" text,
                "passed_by" text,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL,
                CONSTRAINT "PK_f5b8391e8300f8962eb1842dfca" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_outcomes_founder" ON "outcomes" ("founder_organization_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_outcomes_investor" ON "outcomes" ("investor_organization_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_outcomes_event" ON "outcomes" ("event_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_outcomes_subject" ON "outcomes" ("subject_type", "subject_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "engagement_settings" (
                "scope_type" text NOT NULL,
                "scope_id" uuid NOT NULL,
                "reminder_offsets_minutes" integer array,
                "follow_up_working_days" integer,
                "acknowledge_working_days" integer,
                "updated_by_user_id" uuid,
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_b8b4a72063eadc98ce1fe30161d" PRIMARY KEY ("scope_type", "scope_id")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "digest_runs" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "mandate_id" uuid NOT NULL,
                "organization_id" uuid NOT NULL,
                "day" date NOT NULL,
                "top_project_ids" jsonb NOT NULL,
                "new_project_ids" jsonb NOT NULL,
                "scores" jsonb NOT NULL DEFAULT '{}',
                "status" text NOT NULL DEFAULT 'pending',
                "sent_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_1fcc96bd598604450a82951a9f6" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_digest_runs_mandate_day" ON "digest_runs" ("mandate_id", "day")
        `);
        await queryRunner.query(`
            ALTER TABLE "follow_up_tasks"
            ADD "acknowledge_working_days" integer NOT NULL DEFAULT '1'
        `);
        await queryRunner.query(`
            ALTER TABLE "follow_up_tasks"
            ADD "acknowledge_due_on" date
        `);
        await queryRunner.query(`
            ALTER TABLE "follow_up_tasks"
            ADD "acknowledge_due_at" TIMESTAMP WITH TIME ZONE
        `);
        await queryRunner.query(`
            ALTER TABLE "follow_up_tasks"
            ADD "acknowledged_at" TIMESTAMP WITH TIME ZONE
        `);
        await queryRunner.query(`
            ALTER TABLE "follow_up_tasks"
            ADD "acknowledged_by_user_id" uuid
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "follow_up_tasks" DROP COLUMN "acknowledged_by_user_id"
        `);
        await queryRunner.query(`
            ALTER TABLE "follow_up_tasks" DROP COLUMN "acknowledged_at"
        `);
        await queryRunner.query(`
            ALTER TABLE "follow_up_tasks" DROP COLUMN "acknowledge_due_at"
        `);
        await queryRunner.query(`
            ALTER TABLE "follow_up_tasks" DROP COLUMN "acknowledge_due_on"
        `);
        await queryRunner.query(`
            ALTER TABLE "follow_up_tasks" DROP COLUMN "acknowledge_working_days"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ux_digest_runs_mandate_day"
        `);
        await queryRunner.query(`
            DROP TABLE "digest_runs"
        `);
        await queryRunner.query(`
            DROP TABLE "engagement_settings"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ux_outcomes_subject"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_outcomes_event"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_outcomes_investor"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_outcomes_founder"
        `);
        await queryRunner.query(`
            DROP TABLE "outcomes"
        `);
    }

}
