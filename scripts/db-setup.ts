/** Creates the runtime roles (API and worker) and the database if missing (idempotent). `npm run db:setup` */
import { ensureRolesAndDatabase } from '@pilotis/schema';
import { loadConfig } from '@pilotis/shared';

const config = loadConfig();
ensureRolesAndDatabase(config.databaseUrl, config.appDatabaseUrl, config.workerDatabaseUrl)
  .then(() => console.log(`database ready: ${new URL(config.databaseUrl).pathname.slice(1)}`))
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
