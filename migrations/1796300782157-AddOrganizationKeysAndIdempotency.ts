import { MigrationInterface, QueryRunner } from "typeorm";

export class AddOrganizationKeysAndIdempotency1796300782157 implements MigrationInterface {
    name = 'AddOrganizationKeysAndIdempotency1796300782157'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "idempotency_keys" (
                "scope" text NOT NULL,
                "key" text NOT NULL,
                "fingerprint" character(64) NOT NULL,
                "status_code" integer,
                "response" jsonb,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_15de2f76fa9f27ad8f330983607" PRIMARY KEY ("scope", "key")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_idempotency_keys_created" ON "idempotency_keys" ("created_at")
        `);
        await queryRunner.query(`
            ALTER TABLE "startups"
            ALTER COLUMN "created_at" TYPE TIMESTAMP(3) WITH TIME ZONE
        `);
        await queryRunner.query(`
            ALTER TABLE "projects"
            ALTER COLUMN "created_at" TYPE TIMESTAMP(3) WITH TIME ZONE
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_startups_created" ON "startups" ("created_at", "id")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_projects_created" ON "projects" ("status", "created_at", "id")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_deals_investor_created" ON "deals" ("investor_organization_id", "created_at", "id")
        `);
        await queryRunner.query(`
            ALTER TABLE "startups"
            ADD CONSTRAINT "FK_7256c4873222d5a94c26764a5a5" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "projects"
            ADD CONSTRAINT "FK_585c8ce06628c70b70100bfb842" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "mandates"
            ADD CONSTRAINT "FK_8f08b58e21dc4e8c690cd6ba64f" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "deals"
            ADD CONSTRAINT "FK_8ab622a8d91e66180d574390d65" FOREIGN KEY ("investor_organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "roadshow_events"
            ADD CONSTRAINT "FK_5c27104b43874fbaf2c145d8d68" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "roadshow_events" DROP CONSTRAINT "FK_5c27104b43874fbaf2c145d8d68"
        `);
        await queryRunner.query(`
            ALTER TABLE "deals" DROP CONSTRAINT "FK_8ab622a8d91e66180d574390d65"
        `);
        await queryRunner.query(`
            ALTER TABLE "mandates" DROP CONSTRAINT "FK_8f08b58e21dc4e8c690cd6ba64f"
        `);
        await queryRunner.query(`
            ALTER TABLE "projects" DROP CONSTRAINT "FK_585c8ce06628c70b70100bfb842"
        `);
        await queryRunner.query(`
            ALTER TABLE "startups" DROP CONSTRAINT "FK_7256c4873222d5a94c26764a5a5"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_deals_investor_created"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_projects_created"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_startups_created"
        `);
        await queryRunner.query(`
            ALTER TABLE "projects"
            ALTER COLUMN "created_at" TYPE TIMESTAMP(6) WITH TIME ZONE
        `);
        await queryRunner.query(`
            ALTER TABLE "startups"
            ALTER COLUMN "created_at" TYPE TIMESTAMP(6) WITH TIME ZONE
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_idempotency_keys_created"
        `);
        await queryRunner.query(`
            DROP TABLE "idempotency_keys"
        `);
    }

}
