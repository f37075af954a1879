/**
 * Loads the demo data (libs/demo-seed) into DATABASE_URL, or the configured database, and lists the demo
 * users. `npm run db:seed`
 */
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from '@pilotis/demo-seed';
import { loadConfig } from '@pilotis/shared';

seedDemo(process.env.DATABASE_URL ?? loadConfig().databaseUrl)
  .then(() => {
    console.log('Demo data ready. Users (password for all: ' + DEMO_PASSWORD + '):');
    for (const u of DEMO_USERS) {
      const roles = u.memberships.map((mb) => `${mb.role} @ ${mb.siren}`);
      console.log(`  ${u.email.padEnd(36)} ${[...roles, ...(u.platformAdmin ? ['platform admin (Bull Board)'] : [])].join(', ')}`);
    }
  })
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
