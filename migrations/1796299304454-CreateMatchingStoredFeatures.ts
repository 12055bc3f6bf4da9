import { MigrationInterface, QueryRunner } from "typeorm";

export class CreateMatchingStoredFeatures1796299304454 implements MigrationInterface {
    name = 'CreateMatchingStoredFeatures1796299304454'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "matching_project_features" (
                "project_id" uuid NOT NULL,
                "source_stamp" text NOT NULL,
                "as_of" date NOT NULL,
                "format" text NOT NULL,
                "features" jsonb NOT NULL,
                "title" text NOT NULL,
                "startup_name" text NOT NULL,
                "organization_id" uuid NOT NULL,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_31115e09579127517e410290000" PRIMARY KEY ("project_id")
            )
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP TABLE "matching_project_features"
        `);
    }

}
