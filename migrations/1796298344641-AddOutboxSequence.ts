import { MigrationInterface, QueryRunner } from "typeorm";

export class AddOutboxSequence1796298344641 implements MigrationInterface {
    name = 'AddOutboxSequence1796298344641'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "outbox_events"
            ADD "seq" BIGSERIAL NOT NULL
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_outbox_events_seq" ON "outbox_events" ("seq")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_outbox_events_dispatched_at" ON "outbox_events" ("dispatched_at")
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "public"."ix_outbox_events_dispatched_at"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ux_outbox_events_seq"
        `);
        await queryRunner.query(`
            ALTER TABLE "outbox_events" DROP COLUMN "seq"
        `);
    }

}
