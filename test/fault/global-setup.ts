import templateSetup from '../global-setup';
import { buildForFaults } from '../support/fault-build';

/** The migrated template (each fault file copies it into its own cluster), then the apps, transpiled once. */
export default async function faultGlobalSetup(): Promise<void> {
  await templateSetup();
  process.env.TOURONG_FAULT_BUILD = buildForFaults();
}
