import { MigrationInterface, QueryRunner } from "typeorm";

export class AddPortfolioInvestmentsAndDealFlowFeedback1796300241986 implements MigrationInterface {
    name = 'AddPortfolioInvestmentsAndDealFlowFeedback1796300241986'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "portfolio_investments" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "organization_id" uuid NOT NULL,
                "company_name" text NOT NULL,
                "invested_on" date,
                "round" text,
                "amount" bigint,
                "tracks" jsonb NOT NULL DEFAULT '[]',
                "region_code" text,
                "keywords" jsonb NOT NULL DEFAULT '[]',
                "source_row" integer NOT NULL,
                "imported_by" uuid NOT NULL,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_9b2b5da5d44779a0bfce9ad481e" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_portfolio_investments_org" ON "portfolio_investments" ("organization_id", "source_row")
        `);
        await queryRunner.query(`
            CREATE TABLE "deal_flow_feedback" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "organization_id" uuid NOT NULL,
                "mandate_id" uuid NOT NULL,
                "project_id" uuid NOT NULL,
                "kind" text NOT NULL,
                "created_by" uuid NOT NULL,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_751d516aeb42f12996a0ba4f685" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_deal_flow_feedback_mandate_project" ON "deal_flow_feedback" ("mandate_id", "project_id")
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "public"."ux_deal_flow_feedback_mandate_project"
        `);
        await queryRunner.query(`
            DROP TABLE "deal_flow_feedback"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_portfolio_investments_org"
        `);
        await queryRunner.query(`
            DROP TABLE "portfolio_investments"
        `);
    }

}
