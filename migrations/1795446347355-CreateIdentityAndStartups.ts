import { MigrationInterface, QueryRunner } from "typeorm";

export class CreateIdentityAndStartups1795446347355 implements MigrationInterface {
    name = 'CreateIdentityAndStartups1795446347355'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "audit_events" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "occurred_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "action" text NOT NULL,
                "organization_id" uuid,
                "actor_user_id" uuid,
                "actor_organization_id" uuid,
                "target_type" text,
                "target_id" text,
                "ip" text,
                "request_id" text,
                "details" jsonb NOT NULL DEFAULT '{}',
                CONSTRAINT "PK_910f64d901a5c3e9878f0d4a407" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_audit_events_time" ON "audit_events" ("occurred_at")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_audit_events_org_time" ON "audit_events" ("organization_id", "occurred_at")
        `);
        await queryRunner.query(`
            CREATE TABLE "organizations" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "kind" text NOT NULL,
                "organizer_type" text,
                "name" text NOT NULL,
                "credit_code" character(18),
                "region_code" character(6) NOT NULL,
                "verification_status" text NOT NULL DEFAULT 'unverified',
                "verified_by_organization_id" uuid,
                "verified_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_6b031fcd0863e3f6b44230163f9" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_organizations_credit_code" ON "organizations" ("credit_code")
            WHERE credit_code IS NOT NULL
        `);
        await queryRunner.query(`
            CREATE TABLE "users" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "email" text NOT NULL,
                "email_normalized" text NOT NULL,
                "mobile" text,
                "display_name" text NOT NULL,
                "locale" text NOT NULL DEFAULT 'zh-CN',
                "password_hash" text NOT NULL,
                "status" text NOT NULL DEFAULT 'active',
                "is_platform_admin" boolean NOT NULL DEFAULT false,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_users_email_normalized" ON "users" ("email_normalized")
        `);
        await queryRunner.query(`
            CREATE TABLE "memberships" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "user_id" uuid NOT NULL,
                "organization_id" uuid NOT NULL,
                "role" text NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_25d28bd932097a9e90495ede7b4" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_memberships_org" ON "memberships" ("organization_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_memberships_user_org" ON "memberships" ("user_id", "organization_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "access_grants" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "startup_organization_id" uuid NOT NULL,
                "grantee_organization_id" uuid NOT NULL,
                "granted_by_user_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "expires_at" TIMESTAMP WITH TIME ZONE,
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                "revoked_by_user_id" uuid,
                CONSTRAINT "PK_451012952c6aa19c9f6e4ddcc19" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_access_grants_grantee" ON "access_grants" ("grantee_organization_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_access_grants_active" ON "access_grants" (
                "startup_organization_id",
                "grantee_organization_id"
            )
            WHERE revoked_at IS NULL
        `);
        await queryRunner.query(`
            CREATE TABLE "sessions" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "user_id" uuid NOT NULL,
                "organization_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                "revoked_reason" text,
                "ip" text,
                "user_agent" text,
                CONSTRAINT "PK_3238ef96f18b355b671619111bc" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_sessions_user" ON "sessions" ("user_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "refresh_tokens" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "session_id" uuid NOT NULL,
                "token_hash" text NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "used_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_7d8bee0204106019488c4c50ffa" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_refresh_tokens_hash" ON "refresh_tokens" ("token_hash")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_refresh_tokens_session" ON "refresh_tokens" ("session_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "invitations" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "organization_id" uuid NOT NULL,
                "email" text NOT NULL,
                "email_normalized" text NOT NULL,
                "role" text NOT NULL,
                "token_hash" text NOT NULL,
                "invited_by_user_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "accepted_at" TIMESTAMP WITH TIME ZONE,
                "accepted_by_user_id" uuid,
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_5dec98cfdfd562e4ad3648bbb07" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_invitations_token_hash" ON "invitations" ("token_hash")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_invitations_pending" ON "invitations" ("organization_id", "email_normalized")
            WHERE accepted_at IS NULL
                AND revoked_at IS NULL
        `);
        await queryRunner.query(`
            CREATE TABLE "startups" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "organization_id" uuid NOT NULL,
                "legal_name" text NOT NULL,
                "credit_code" character(18),
                "founded_on" date,
                "region_code" character(6) NOT NULL,
                "industry" text,
                "tracks" text array NOT NULL DEFAULT '{}',
                "university_spin_out" boolean NOT NULL DEFAULT false,
                "from_poc_center" boolean NOT NULL DEFAULT false,
                "prior_rounds" integer,
                "years_in_niche" integer,
                "website" text,
                "one_liner" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL,
                CONSTRAINT "PK_d3f4c6833156641c6dfdbee31b0" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_startups_credit_code" ON "startups" ("credit_code")
            WHERE credit_code IS NOT NULL
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_startups_org" ON "startups" ("organization_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "projects" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "startup_id" uuid NOT NULL,
                "organization_id" uuid NOT NULL,
                "title" text NOT NULL,
                "kind" text NOT NULL DEFAULT 'financing_round',
                "stage" text NOT NULL,
                "amount_sought" bigint,
                "instruments" text array NOT NULL DEFAULT '{}',
                "use_of_funds" text,
                "pitch" jsonb NOT NULL DEFAULT '{}',
                "keywords" text array NOT NULL DEFAULT '{}',
                "trl" smallint,
                "status" text NOT NULL DEFAULT 'draft',
                "published_at" TIMESTAMP WITH TIME ZONE,
                "archived_at" TIMESTAMP WITH TIME ZONE,
                "deck_storage_key" text,
                "deck_file_name" text,
                "deck_size_bytes" integer,
                "deck_sha256" character(64),
                "deck_uploaded_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL,
                CONSTRAINT "PK_6271df0a7aed1d6c0691ce6ac50" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_projects_published" ON "projects" ("status", "updated_at")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_projects_org" ON "projects" ("organization_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_projects_startup" ON "projects" ("startup_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "startup_fiscal_years" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "startup_id" uuid NOT NULL,
                "year" integer NOT NULL,
                "headcount" integer,
                "tech_staff" integer,
                "rd_staff" integer,
                "revenue" bigint,
                "main_business_revenue" bigint,
                "high_tech_revenue" bigint,
                "total_costs" bigint,
                "rd_spend" bigint,
                "rd_spend_in_china" bigint,
                "total_assets" bigint,
                "liabilities" bigint,
                "new_equity_raised" bigint,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_2a8494272a5efedfc60d1e9e5d0" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_fiscal_years_startup_year" ON "startup_fiscal_years" ("startup_id", "year")
        `);
        await queryRunner.query(`
            CREATE TABLE "startup_ip_items" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "startup_id" uuid NOT NULL,
                "type" text NOT NULL,
                "number" text NOT NULL,
                "title" text,
                "status" text NOT NULL DEFAULT 'valid',
                "tied_to_main_product" boolean NOT NULL DEFAULT true,
                "granted_on" date,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_a13fe8625589beabd61bc3eb306" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_ip_items_startup_type_number" ON "startup_ip_items" ("startup_id", "type", "number")
        `);
        await queryRunner.query(`
            CREATE TABLE "startup_qualifications" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "startup_id" uuid NOT NULL,
                "kind" text NOT NULL,
                "certificate_number" text,
                "valid_from" date,
                "valid_until" date,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_5ca48365a00156cc1b0b97fac85" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_qualifications_startup" ON "startup_qualifications" ("startup_id")
        `);
        await queryRunner.query(`
            ALTER TABLE "memberships"
            ADD CONSTRAINT "FK_7c1e2fdfed4f6838e0c05ae5051" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "memberships"
            ADD CONSTRAINT "FK_e5380c394ec7912046d07b54290" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "projects"
            ADD CONSTRAINT "FK_da686cf94677574cdcb42f2fe30" FOREIGN KEY ("startup_id") REFERENCES "startups"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "startup_fiscal_years"
            ADD CONSTRAINT "FK_704bfe692e53dc455eb7cabbe42" FOREIGN KEY ("startup_id") REFERENCES "startups"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "startup_ip_items"
            ADD CONSTRAINT "FK_eae34584aef0bdf092c4b4f2b06" FOREIGN KEY ("startup_id") REFERENCES "startups"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "startup_qualifications"
            ADD CONSTRAINT "FK_9fde6148796d1b98d1f1643c71e" FOREIGN KEY ("startup_id") REFERENCES "startups"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "startup_qualifications" DROP CONSTRAINT "FK_9fde6148796d1b98d1f1643c71e"
        `);
        await queryRunner.query(`
            ALTER TABLE "startup_ip_items" DROP CONSTRAINT "FK_eae34584aef0bdf092c4b4f2b06"
        `);
        await queryRunner.query(`
            ALTER TABLE "startup_fiscal_years" DROP CONSTRAINT "FK_704bfe692e53dc455eb7cabbe42"
        `);
        await queryRunner.query(`
            ALTER TABLE "projects" DROP CONSTRAINT "FK_da686cf94677574cdcb42f2fe30"
        `);
        await queryRunner.query(`
            ALTER TABLE "memberships" DROP CONSTRAINT "FK_e5380c394ec7912046d07b54290"
        `);
        await queryRunner.query(`
            ALTER TABLE "memberships" DROP CONSTRAINT "FK_7c1e2fdfed4f6838e0c05ae5051"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_qualifications_startup"
        `);
        await queryRunner.query(`
            DROP TABLE "startup_qualifications"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ux_ip_items_startup_type_number"
        `);
        await queryRunner.query(`
            DROP TABLE "startup_ip_items"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ux_fiscal_years_startup_year"
        `);
        await queryRunner.query(`
            DROP TABLE "startup_fiscal_years"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_projects_startup"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_projects_org"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_projects_published"
        `);
        await queryRunner.query(`
            DROP TABLE "projects"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_startups_org"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ux_startups_credit_code"
        `);
        await queryRunner.query(`
            DROP TABLE "startups"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ux_invitations_pending"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ux_invitations_token_hash"
        `);
        await queryRunner.query(`
            DROP TABLE "invitations"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_refresh_tokens_session"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ux_refresh_tokens_hash"
        `);
        await queryRunner.query(`
            DROP TABLE "refresh_tokens"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_sessions_user"
        `);
        await queryRunner.query(`
            DROP TABLE "sessions"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ux_access_grants_active"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_access_grants_grantee"
        `);
        await queryRunner.query(`
            DROP TABLE "access_grants"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ux_memberships_user_org"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_memberships_org"
        `);
        await queryRunner.query(`
            DROP TABLE "memberships"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ux_users_email_normalized"
        `);
        await queryRunner.query(`
            DROP TABLE "users"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ux_organizations_credit_code"
        `);
        await queryRunner.query(`
            DROP TABLE "organizations"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_audit_events_org_time"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_audit_events_time"
        `);
        await queryRunner.query(`
            DROP TABLE "audit_events"
        `);
    }

}
