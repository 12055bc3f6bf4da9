import { MigrationInterface, QueryRunner } from "typeorm";

export class AddCrossLibForeignKeys1796323753090 implements MigrationInterface {
    name = 'AddCrossLibForeignKeys1796323753090'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "access_grants"
            ADD CONSTRAINT "FK_f924aa0be0add4e210f1028b4cd" FOREIGN KEY ("startup_organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "access_grants"
            ADD CONSTRAINT "FK_4403c528661359afbfc1be1d920" FOREIGN KEY ("grantee_organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "deals"
            ADD CONSTRAINT "FK_27a814ed01cc023c7347dac81b1" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "deals"
            ADD CONSTRAINT "FK_cb105afa5b92dd480c22e478874" FOREIGN KEY ("startup_id") REFERENCES "startups"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "deals"
            ADD CONSTRAINT "FK_e30000349d546eb1ff3434dd846" FOREIGN KEY ("startup_organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "deals"
            ADD CONSTRAINT "FK_190a703a7b3bbfcaafba6c1b09c" FOREIGN KEY ("mandate_id") REFERENCES "mandates"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "portfolio_investments"
            ADD CONSTRAINT "FK_678cc3a6048c3e38563b7ad3a19" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "deal_flow_feedback"
            ADD CONSTRAINT "FK_cb5421e7701a40b6e283757b8b2" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "deal_flow_feedback"
            ADD CONSTRAINT "FK_98b518b071dcaa19a26e74a7336" FOREIGN KEY ("mandate_id") REFERENCES "mandates"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "deal_flow_feedback"
            ADD CONSTRAINT "FK_5471eaa49a1e9439aaf05f30ed7" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "roadshow_applications"
            ADD CONSTRAINT "FK_5d53a2f36cbeba28549f4f64a8d" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "roadshow_applications"
            ADD CONSTRAINT "FK_507be4445a00f505fcf483f527a" FOREIGN KEY ("startup_organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "roadshow_invitations"
            ADD CONSTRAINT "FK_b922a5feba638bcd7ea935cc232" FOREIGN KEY ("investor_organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "roadshow_availability"
            ADD CONSTRAINT "FK_96af734c71a88645b9ee81b964f" FOREIGN KEY ("event_id") REFERENCES "roadshow_events"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "roadshow_availability"
            ADD CONSTRAINT "FK_c7d8ca2276d4feb23576983c286" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "roadshow_meeting_requests"
            ADD CONSTRAINT "FK_8bb5c48f2b305b6fec4b2854644" FOREIGN KEY ("event_id") REFERENCES "roadshow_events"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "roadshow_meeting_requests"
            ADD CONSTRAINT "FK_1d939fc39719fef167fd1dded52" FOREIGN KEY ("from_organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "roadshow_meeting_requests"
            ADD CONSTRAINT "FK_5d0f2809cd528307ee0eb7ccdd7" FOREIGN KEY ("to_organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "roadshow_meeting_requests"
            ADD CONSTRAINT "FK_62d4a4a76e68523b0d199c697bf" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "roadshow_meetings"
            ADD CONSTRAINT "FK_82183099755b8ed8877a6c42cd8" FOREIGN KEY ("request_id") REFERENCES "roadshow_meeting_requests"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "roadshow_meetings"
            ADD CONSTRAINT "FK_76ac68e0e47794b03ae0f635e11" FOREIGN KEY ("event_id") REFERENCES "roadshow_events"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "follow_up_tasks"
            ADD CONSTRAINT "FK_abfe371f02de3cd296473e1f401" FOREIGN KEY ("meeting_id") REFERENCES "roadshow_meetings"("request_id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "follow_up_tasks"
            ADD CONSTRAINT "FK_03c6ab8e7aa7d50ce6d50c086e3" FOREIGN KEY ("event_id") REFERENCES "roadshow_events"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "follow_up_tasks"
            ADD CONSTRAINT "FK_1d8bce418b06306f75de7bb0069" FOREIGN KEY ("owner_organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "follow_up_tasks"
            ADD CONSTRAINT "FK_59c604e22ee30f94b92e4f45bf9" FOREIGN KEY ("counterpart_organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "follow_up_tasks"
            ADD CONSTRAINT "FK_219200887743ed9e6afc87e868c" FOREIGN KEY ("organizer_organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "outcomes"
            ADD CONSTRAINT "FK_94469124cafc46c2f11bbe8dbb9" FOREIGN KEY ("event_id") REFERENCES "roadshow_events"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "outcomes"
            ADD CONSTRAINT "FK_536f3969db0036c6942b4817884" FOREIGN KEY ("investor_organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "outcomes"
            ADD CONSTRAINT "FK_c36c253412f6b5547594cf87980" FOREIGN KEY ("founder_organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "outcomes"
            ADD CONSTRAINT "FK_b4f4f94e6696bd582ddcd33365c" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "outcomes" DROP CONSTRAINT "FK_b4f4f94e6696bd582ddcd33365c"
        `);
        await queryRunner.query(`
            ALTER TABLE "outcomes" DROP CONSTRAINT "FK_c36c253412f6b5547594cf87980"
        `);
        await queryRunner.query(`
            ALTER TABLE "outcomes" DROP CONSTRAINT "FK_536f3969db0036c6942b4817884"
        `);
        await queryRunner.query(`
            ALTER TABLE "outcomes" DROP CONSTRAINT "FK_94469124cafc46c2f11bbe8dbb9"
        `);
        await queryRunner.query(`
            ALTER TABLE "follow_up_tasks" DROP CONSTRAINT "FK_219200887743ed9e6afc87e868c"
        `);
        await queryRunner.query(`
            ALTER TABLE "follow_up_tasks" DROP CONSTRAINT "FK_59c604e22ee30f94b92e4f45bf9"
        `);
        await queryRunner.query(`
            ALTER TABLE "follow_up_tasks" DROP CONSTRAINT "FK_1d8bce418b06306f75de7bb0069"
        `);
        await queryRunner.query(`
            ALTER TABLE "follow_up_tasks" DROP CONSTRAINT "FK_03c6ab8e7aa7d50ce6d50c086e3"
        `);
        await queryRunner.query(`
            ALTER TABLE "follow_up_tasks" DROP CONSTRAINT "FK_abfe371f02de3cd296473e1f401"
        `);
        await queryRunner.query(`
            ALTER TABLE "roadshow_meetings" DROP CONSTRAINT "FK_76ac68e0e47794b03ae0f635e11"
        `);
        await queryRunner.query(`
            ALTER TABLE "roadshow_meetings" DROP CONSTRAINT "FK_82183099755b8ed8877a6c42cd8"
        `);
        await queryRunner.query(`
            ALTER TABLE "roadshow_meeting_requests" DROP CONSTRAINT "FK_62d4a4a76e68523b0d199c697bf"
        `);
        await queryRunner.query(`
            ALTER TABLE "roadshow_meeting_requests" DROP CONSTRAINT "FK_5d0f2809cd528307ee0eb7ccdd7"
        `);
        await queryRunner.query(`
            ALTER TABLE "roadshow_meeting_requests" DROP CONSTRAINT "FK_1d939fc39719fef167fd1dded52"
        `);
        await queryRunner.query(`
            ALTER TABLE "roadshow_meeting_requests" DROP CONSTRAINT "FK_8bb5c48f2b305b6fec4b2854644"
        `);
        await queryRunner.query(`
            ALTER TABLE "roadshow_availability" DROP CONSTRAINT "FK_c7d8ca2276d4feb23576983c286"
        `);
        await queryRunner.query(`
            ALTER TABLE "roadshow_availability" DROP CONSTRAINT "FK_96af734c71a88645b9ee81b964f"
        `);
        await queryRunner.query(`
            ALTER TABLE "roadshow_invitations" DROP CONSTRAINT "FK_b922a5feba638bcd7ea935cc232"
        `);
        await queryRunner.query(`
            ALTER TABLE "roadshow_applications" DROP CONSTRAINT "FK_507be4445a00f505fcf483f527a"
        `);
        await queryRunner.query(`
            ALTER TABLE "roadshow_applications" DROP CONSTRAINT "FK_5d53a2f36cbeba28549f4f64a8d"
        `);
        await queryRunner.query(`
            ALTER TABLE "deal_flow_feedback" DROP CONSTRAINT "FK_5471eaa49a1e9439aaf05f30ed7"
        `);
        await queryRunner.query(`
            ALTER TABLE "deal_flow_feedback" DROP CONSTRAINT "FK_98b518b071dcaa19a26e74a7336"
        `);
        await queryRunner.query(`
            ALTER TABLE "deal_flow_feedback" DROP CONSTRAINT "FK_cb5421e7701a40b6e283757b8b2"
        `);
        await queryRunner.query(`
            ALTER TABLE "portfolio_investments" DROP CONSTRAINT "FK_678cc3a6048c3e38563b7ad3a19"
        `);
        await queryRunner.query(`
            ALTER TABLE "deals" DROP CONSTRAINT "FK_190a703a7b3bbfcaafba6c1b09c"
        `);
        await queryRunner.query(`
            ALTER TABLE "deals" DROP CONSTRAINT "FK_e30000349d546eb1ff3434dd846"
        `);
        await queryRunner.query(`
            ALTER TABLE "deals" DROP CONSTRAINT "FK_cb105afa5b92dd480c22e478874"
        `);
        await queryRunner.query(`
            ALTER TABLE "deals" DROP CONSTRAINT "FK_27a814ed01cc023c7347dac81b1"
        `);
        await queryRunner.query(`
            ALTER TABLE "access_grants" DROP CONSTRAINT "FK_4403c528661359afbfc1be1d920"
        `);
        await queryRunner.query(`
            ALTER TABLE "access_grants" DROP CONSTRAINT "FK_f924aa0be0add4e210f1028b4cd"
        `);
    }

}
