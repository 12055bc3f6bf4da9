import { MigrationInterface, QueryRunner } from "typeorm";

export class AddMeetingCancellation1796285299018 implements MigrationInterface {
    name = 'AddMeetingCancellation1796285299018'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "roadshow_meetings"
            ADD "cancelled_at" TIMESTAMP WITH TIME ZONE
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "roadshow_meetings" DROP COLUMN "cancelled_at"
        `);
    }

}
