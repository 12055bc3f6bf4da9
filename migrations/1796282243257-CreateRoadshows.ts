import { MigrationInterface, QueryRunner } from "typeorm";

export class CreateRoadshows1796282243257 implements MigrationInterface {
    name = 'CreateRoadshows1796282243257'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "roadshow_events" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "organization_id" uuid NOT NULL,
                "title" text NOT NULL,
                "description" text NOT NULL DEFAULT '',
                "venue" text,
                "online_url" text,
                "time_zone" text NOT NULL DEFAULT 'Asia/Shanghai',
                "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "application_deadline" TIMESTAMP WITH TIME ZONE,
                "status" text NOT NULL DEFAULT 'draft',
                "capacity" integer,
                "visibility" text NOT NULL DEFAULT 'public',
                "questions" jsonb NOT NULL DEFAULT '[]',
                "sequence" integer NOT NULL DEFAULT '0',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL,
                CONSTRAINT "PK_7036717659cd64a7ce7a6f7a9bf" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_roadshow_events_listed" ON "roadshow_events" ("status", "visibility", "starts_at")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_roadshow_events_org" ON "roadshow_events" ("organization_id", "starts_at")
        `);
        await queryRunner.query(`
            CREATE TABLE "roadshow_applications" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "event_id" uuid NOT NULL,
                "session_id" uuid,
                "project_id" uuid NOT NULL,
                "startup_organization_id" uuid NOT NULL,
                "answers" jsonb NOT NULL DEFAULT '{}',
                "status" text NOT NULL DEFAULT 'pending',
                "decision_reason" text,
                "decided_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_8afaf2715303a4c0746e57467b9" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_roadshow_applications_org" ON "roadshow_applications" ("startup_organization_id", "created_at")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_roadshow_applications_project" ON "roadshow_applications" ("event_id", "project_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "roadshow_sessions" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "event_id" uuid NOT NULL,
                "title" text NOT NULL,
                "track" text,
                "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "room" text,
                "max_pitches" integer NOT NULL,
                "pitch_minutes" integer NOT NULL DEFAULT '8',
                "qa_minutes" integer NOT NULL DEFAULT '5',
                "agenda_published_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_18517b820cc9c9adb81612999c8" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_roadshow_sessions_event" ON "roadshow_sessions" ("event_id", "starts_at")
        `);
        await queryRunner.query(`
            CREATE TABLE "roadshow_pitch_slots" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "session_id" uuid NOT NULL,
                "application_id" uuid NOT NULL,
                "position" integer NOT NULL,
                "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_3792a7eaad587079c51dda3f9e6" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_roadshow_pitch_slots_application" ON "roadshow_pitch_slots" ("application_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_roadshow_pitch_slots_position" ON "roadshow_pitch_slots" ("session_id", "position")
        `);
        await queryRunner.query(`
            CREATE TABLE "roadshow_invitations" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "event_id" uuid NOT NULL,
                "investor_organization_id" uuid NOT NULL,
                "status" text NOT NULL DEFAULT 'invited',
                "check_in_code" text NOT NULL,
                "checked_in_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_2efc52b095fb39b1ceba0db532f" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_roadshow_invitations_code" ON "roadshow_invitations" ("check_in_code")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_roadshow_invitations_org" ON "roadshow_invitations" ("event_id", "investor_organization_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "roadshow_calendar_feeds" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "organization_id" uuid NOT NULL,
                "token_hash" text NOT NULL,
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_e564ca8c49c7d3227f0bbb0baf6" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_roadshow_calendar_feeds_org" ON "roadshow_calendar_feeds" ("organization_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_roadshow_calendar_feeds_token" ON "roadshow_calendar_feeds" ("token_hash")
        `);
        await queryRunner.query(`
            CREATE TABLE "roadshow_meeting_grids" (
                "event_id" uuid NOT NULL,
                "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "slot_minutes" integer NOT NULL,
                "lunch_starts_at" TIMESTAMP WITH TIME ZONE,
                "lunch_ends_at" TIMESTAMP WITH TIME ZONE,
                "tables" integer NOT NULL,
                "booths" jsonb NOT NULL DEFAULT '{}',
                "min_meetings" integer NOT NULL DEFAULT '0',
                "max_meetings" integer,
                "pending_quota" integer NOT NULL DEFAULT '20',
                "request_ttl_hours" integer NOT NULL DEFAULT '72',
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_068c4f935865465a104de5a9a00" PRIMARY KEY ("event_id")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "roadshow_meeting_requests" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "event_id" uuid NOT NULL,
                "from_organization_id" uuid NOT NULL,
                "from_user_id" uuid NOT NULL,
                "to_organization_id" uuid NOT NULL,
                "project_id" uuid,
                "message" text NOT NULL DEFAULT '',
                "priority" text NOT NULL DEFAULT 'would_like',
                "status" text NOT NULL DEFAULT 'pending',
                "decline_reason" text,
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "score" real,
                "decided_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_055cd871395a80a1955b600500d" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_roadshow_meeting_requests_open_pair" ON "roadshow_meeting_requests" (
                "event_id",
                "from_organization_id",
                "to_organization_id"
            )
            WHERE status IN ('pending', 'accepted')
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_roadshow_meeting_requests_to" ON "roadshow_meeting_requests" ("to_organization_id", "status")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_roadshow_meeting_requests_event" ON "roadshow_meeting_requests" ("event_id", "status")
        `);
        await queryRunner.query(`
            CREATE TABLE "roadshow_meetings" (
                "request_id" uuid NOT NULL,
                "event_id" uuid NOT NULL,
                "slot" integer NOT NULL,
                "table_name" text NOT NULL,
                "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "locked" boolean NOT NULL DEFAULT false,
                "sequence" integer NOT NULL DEFAULT '0',
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_82183099755b8ed8877a6c42cd8" PRIMARY KEY ("request_id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_roadshow_meetings_event" ON "roadshow_meetings" ("event_id", "slot")
        `);
        await queryRunner.query(`
            CREATE TABLE "roadshow_schedule_runs" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "event_id" uuid NOT NULL,
                "requested_by_user_id" uuid NOT NULL,
                "status" text NOT NULL DEFAULT 'queued',
                "seed" integer NOT NULL DEFAULT '1',
                "progress" integer NOT NULL DEFAULT '0',
                "result" jsonb,
                "error" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "finished_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_9ed5e9fd8564e2a0532a5fa750c" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_roadshow_schedule_runs_event" ON "roadshow_schedule_runs" ("event_id", "created_at")
        `);
        await queryRunner.query(`
            ALTER TABLE "roadshow_applications"
            ADD CONSTRAINT "FK_d67e32547bee11697d00584db3a" FOREIGN KEY ("event_id") REFERENCES "roadshow_events"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "roadshow_sessions"
            ADD CONSTRAINT "FK_ae022d8a005bfa9385642c076b6" FOREIGN KEY ("event_id") REFERENCES "roadshow_events"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "roadshow_pitch_slots"
            ADD CONSTRAINT "FK_73e0e373103f25f5d7b63f7730f" FOREIGN KEY ("session_id") REFERENCES "roadshow_sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "roadshow_invitations"
            ADD CONSTRAINT "FK_135d3c08bda745ce7c6966b67f7" FOREIGN KEY ("event_id") REFERENCES "roadshow_events"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "roadshow_invitations" DROP CONSTRAINT "FK_135d3c08bda745ce7c6966b67f7"
        `);
        await queryRunner.query(`
            ALTER TABLE "roadshow_pitch_slots" DROP CONSTRAINT "FK_73e0e373103f25f5d7b63f7730f"
        `);
        await queryRunner.query(`
            ALTER TABLE "roadshow_sessions" DROP CONSTRAINT "FK_ae022d8a005bfa9385642c076b6"
        `);
        await queryRunner.query(`
            ALTER TABLE "roadshow_applications" DROP CONSTRAINT "FK_d67e32547bee11697d00584db3a"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_roadshow_schedule_runs_event"
        `);
        await queryRunner.query(`
            DROP TABLE "roadshow_schedule_runs"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_roadshow_meetings_event"
        `);
        await queryRunner.query(`
            DROP TABLE "roadshow_meetings"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_roadshow_meeting_requests_event"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_roadshow_meeting_requests_to"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ux_roadshow_meeting_requests_open_pair"
        `);
        await queryRunner.query(`
            DROP TABLE "roadshow_meeting_requests"
        `);
        await queryRunner.query(`
            DROP TABLE "roadshow_meeting_grids"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ux_roadshow_calendar_feeds_token"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_roadshow_calendar_feeds_org"
        `);
        await queryRunner.query(`
            DROP TABLE "roadshow_calendar_feeds"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ux_roadshow_invitations_org"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ux_roadshow_invitations_code"
        `);
        await queryRunner.query(`
            DROP TABLE "roadshow_invitations"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ux_roadshow_pitch_slots_position"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ux_roadshow_pitch_slots_application"
        `);
        await queryRunner.query(`
            DROP TABLE "roadshow_pitch_slots"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_roadshow_sessions_event"
        `);
        await queryRunner.query(`
            DROP TABLE "roadshow_sessions"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ux_roadshow_applications_project"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_roadshow_applications_org"
        `);
        await queryRunner.query(`
            DROP TABLE "roadshow_applications"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_roadshow_events_org"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_roadshow_events_listed"
        `);
        await queryRunner.query(`
            DROP TABLE "roadshow_events"
        `);
    }

}
