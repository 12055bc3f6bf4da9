import { MigrationInterface, QueryRunner } from "typeorm";

export class CreateMandatesAndDeals1795638298972 implements MigrationInterface {
    name = 'CreateMandatesAndDeals1795638298972'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "mandates" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "organization_id" uuid NOT NULL,
                "kind" text NOT NULL,
                "name" text NOT NULL,
                "status" text NOT NULL DEFAULT 'active',
                "discoverable" boolean NOT NULL DEFAULT false,
                "hide_name_on_pass" boolean NOT NULL DEFAULT false,
                "terms" jsonb NOT NULL,
                "terms_version" integer NOT NULL DEFAULT '1',
                "linked_mandate_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL,
                CONSTRAINT "PK_08c57882cd87cc778f329700004" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_mandates_discoverable" ON "mandates" ("status", "discoverable")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_mandates_org" ON "mandates" ("organization_id", "created_at")
        `);
        await queryRunner.query(`
            CREATE TABLE "mandate_versions" (
                "mandate_id" uuid NOT NULL,
                "terms_version" integer NOT NULL,
                "name" text NOT NULL,
                "terms" jsonb NOT NULL,
                "created_by" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_0d7472f5c77356d606cb1cd04c4" PRIMARY KEY ("mandate_id", "terms_version")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "deals" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "investor_organization_id" uuid NOT NULL,
                "project_id" uuid NOT NULL,
                "startup_id" uuid NOT NULL,
                "startup_organization_id" uuid NOT NULL,
                "mandate_id" uuid,
                "mandate_terms_version" integer,
                "stage" text NOT NULL DEFAULT 'new',
                "pass_reason" jsonb,
                "score_at_open" numeric(5, 2),
                "score_version" text,
                "amount" bigint,
                "created_by" uuid NOT NULL,
                "stage_changed_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL,
                CONSTRAINT "PK_8c66f03b250f613ff8615940b4b" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_deals_mandate" ON "deals" ("mandate_id", "stage")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_deals_project" ON "deals" ("project_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_deals_investor_project" ON "deals" ("investor_organization_id", "project_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "deal_transitions" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "deal_id" uuid NOT NULL,
                "from_stage" text,
                "to_stage" text NOT NULL,
                "actor_user_id" uuid NOT NULL,
                "at" TIMESTAMP(3) WITH TIME ZONE NOT NULL,
                "pass_reason" jsonb,
                "note" text,
                CONSTRAINT "PK_f90f32cc5bc0fa5ea2a3f77d085" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_deal_transitions_deal" ON "deal_transitions" ("deal_id", "at")
        `);
        await queryRunner.query(`
            ALTER TABLE "mandate_versions"
            ADD CONSTRAINT "FK_b0c0e594992f3a8b51f4e4ffc4f" FOREIGN KEY ("mandate_id") REFERENCES "mandates"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "deal_transitions"
            ADD CONSTRAINT "FK_8d91066d3c4b137f8665ab7b636" FOREIGN KEY ("deal_id") REFERENCES "deals"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "deal_transitions" DROP CONSTRAINT "FK_8d91066d3c4b137f8665ab7b636"
        `);
        await queryRunner.query(`
            ALTER TABLE "mandate_versions" DROP CONSTRAINT "FK_b0c0e594992f3a8b51f4e4ffc4f"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_deal_transitions_deal"
        `);
        await queryRunner.query(`
            DROP TABLE "deal_transitions"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ux_deals_investor_project"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_deals_project"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_deals_mandate"
        `);
        await queryRunner.query(`
            DROP TABLE "deals"
        `);
        await queryRunner.query(`
            DROP TABLE "mandate_versions"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_mandates_org"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_mandates_discoverable"
        `);
        await queryRunner.query(`
            DROP TABLE "mandates"
        `);
    }

}
