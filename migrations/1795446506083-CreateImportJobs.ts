import { MigrationInterface, QueryRunner } from "typeorm";

export class CreateImportJobs1795446506083 implements MigrationInterface {
    name = 'CreateImportJobs1795446506083'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "import_jobs" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "organization_id" uuid NOT NULL,
                "requested_by_user_id" uuid NOT NULL,
                "status" text NOT NULL DEFAULT 'queued',
                "file_key" text NOT NULL,
                "format" text NOT NULL,
                "file_name" text NOT NULL,
                "total_rows" integer NOT NULL DEFAULT '0',
                "processed_rows" integer NOT NULL DEFAULT '0',
                "startups_upserted" integer NOT NULL DEFAULT '0',
                "errors" jsonb NOT NULL DEFAULT '[]',
                "failure_reason" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "finished_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_4d206c602f173f98e4bb85819a3" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_import_jobs_org" ON "import_jobs" ("organization_id", "created_at")
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "public"."ix_import_jobs_org"
        `);
        await queryRunner.query(`
            DROP TABLE "import_jobs"
        `);
    }

}
