import { execFile } from 'node:child_process';
import { join } from 'node:path';

/**
 * The house's boundaries are lint rules (eslint.config.mjs); each case plants a violation in a
 * file that does not exist and asks the real ESLint, with the repository's config, what it says.
 */
const root = join(__dirname, '..');
const eslintBin = join(root, 'node_modules', 'eslint', 'bin', 'eslint.js');

interface LintMessage {
  ruleId: string | null;
  message: string;
}

function lint(filename: string, code: string): Promise<LintMessage[]> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      [eslintBin, '--stdin', '--stdin-filename', filename, '--format', 'json', '--no-warn-ignored'],
      { cwd: root, maxBuffer: 10 * 1024 * 1024 },
      (error, stdout) => {
        // ESLint exits 1 when it found problems; anything else (2: config broken) is a failure here.
        if (error && error.code !== 1) return reject(error);
        try {
          const [result] = JSON.parse(stdout) as Array<{ messages: LintMessage[] }>;
          resolve(result.messages);
        } catch (e) {
          reject(e);
        }
      },
    );
    child.stdin!.end(code);
  });
}

const rulesOf = (messages: LintMessage[]) => messages.map((m) => m.ruleId);

describe('lint boundaries fail on planted violations', () => {
  jest.setTimeout(120_000);

  const cases: Array<[string, string, string, string]> = [
    [
      'a deep import into another lib',
      'libs/funds/src/planted.ts',
      "import { ProjectEntity } from '@app/startups/entities/project.entity';\nexport const p = ProjectEntity;\n",
      'no-restricted-imports',
    ],
    [
      'a relative path into another lib',
      'libs/matching/src/deal-flow/planted.ts',
      "import { TRACKS } from '../../../reference/src/tracks';\nexport const t = TRACKS;\n",
      'no-restricted-imports',
    ],
    [
      'platform importing a domain lib',
      'libs/platform/src/outbox/planted.ts',
      "import { DealsModule } from '@app/matching';\nexport const m = DealsModule;\n",
      'no-restricted-imports',
    ],
    [
      'a lib importing an app',
      'libs/search/src/planted.ts',
      "import { AppModule } from '../../../apps/api/src/app.module';\nexport const m = AppModule;\n",
      'no-restricted-imports',
    ],
    [
      'reference importing Nest',
      'libs/reference/src/planted.ts',
      "import { Injectable } from '@nestjs/common';\nexport const i = Injectable;\n",
      'no-restricted-imports',
    ],
    [
      'the engine importing TypeORM',
      'libs/matching/src/engine/planted.ts',
      "import { DataSource } from 'typeorm';\nexport const d = DataSource;\n",
      'no-restricted-imports',
    ],
    [
      'the engine importing a domain lib',
      'libs/matching/src/engine/planted.ts',
      "import { StartupsModule } from '@app/startups';\nexport const s = StartupsModule;\n",
      'no-restricted-imports',
    ],
    [
      'an app importing the demo seeds',
      'apps/api/src/planted.ts',
      "import { seedLarge } from '@app/db/seeds/seed-large';\nexport const s = seedLarge;\n",
      'no-restricted-imports',
    ],
    [
      'an app reaching past the entity registry’s index',
      'apps/worker/src/planted.ts',
      "import { ENTITIES } from '@app/db/schema/entities';\nexport const e = ENTITIES;\n",
      'no-restricted-imports',
    ],
    [
      'reference reading the clock',
      'libs/reference/src/planted.ts',
      'export const now = () => Date.now();\n',
      'no-restricted-syntax',
    ],
    [
      'the engine reading the environment',
      'libs/matching/src/engine/planted.ts',
      'export const env = () => process.env.X;\n',
      'no-restricted-syntax',
    ],
  ];

  it.each(cases)('%s', async (_name, filename, code, rule) => {
    expect(rulesOf(await lint(filename, code))).toContain(rule);
  });

  it('lets the allowed arrows through', async () => {
    const results = await Promise.all([
      lint(
        'libs/funds/src/planted.ts',
        "import { TRACKS } from '@app/reference';\nimport { platformError } from '@app/platform';\nexport const x = [TRACKS, platformError];\n",
      ),
      lint(
        'libs/matching/src/engine/planted.ts',
        "import { TRACKS } from '@app/reference';\nimport { round4 } from './reference';\nexport const x = [TRACKS, round4, new Date(0)];\n",
      ),
      lint(
        'bench/planted.bench.ts',
        "import { KECHUANG_DIRECT } from '@app/matching/testing';\nexport const k = KECHUANG_DIRECT;\n",
      ),
      lint(
        'bench/lib/planted.ts',
        "import { seedLarge } from '@app/db/seeds/seed-large';\nimport { ENTITIES } from '@app/db';\nexport const s = [seedLarge, ENTITIES];\n",
      ),
      lint(
        'libs/search/test/planted.e2e-spec.ts',
        "import { SearchService } from '../src/nest/search.service';\nexport const s = SearchService;\n",
      ),
    ]);
    expect(results.map(rulesOf)).toEqual([[], [], [], [], []]);
  });
});
