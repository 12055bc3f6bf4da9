import { MigrationInterface, QueryRunner } from "typeorm";

export class AddRoadshowAvailability1796283664057 implements MigrationInterface {
    name = 'AddRoadshowAvailability1796283664057'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "roadshow_availability" (
                "event_id" uuid NOT NULL,
                "organization_id" uuid NOT NULL,
                "unavailable_slots" integer array NOT NULL DEFAULT '{}',
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_9cfff6817ba03c24ffcbaaaa58a" PRIMARY KEY ("event_id", "organization_id")
            )
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP TABLE "roadshow_availability"
        `);
    }

}
