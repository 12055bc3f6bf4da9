import { MigrationInterface, QueryRunner } from "typeorm";

export class AddEventRegion1796412886703 implements MigrationInterface {
    name = 'AddEventRegion1796412886703'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "roadshow_events"
            ADD "region_code" text
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "roadshow_events" DROP COLUMN "region_code"
        `);
    }

}
