import { MigrationInterface, QueryRunner } from "typeorm";

export class AddRoadshowConsent1796283157065 implements MigrationInterface {
    name = 'AddRoadshowConsent1796283157065'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "roadshow_applications"
            ADD "share_confidential" boolean NOT NULL DEFAULT false
        `);
        await queryRunner.query(`
            ALTER TABLE "roadshow_applications"
            ADD "applied_by_user_id" uuid
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "roadshow_applications" DROP COLUMN "applied_by_user_id"
        `);
        await queryRunner.query(`
            ALTER TABLE "roadshow_applications" DROP COLUMN "share_confidential"
        `);
    }

}
