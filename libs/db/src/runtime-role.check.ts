import { DataSource } from 'typeorm';

/**
 * Tenant isolation rests on the runtime role being unable to escape RLS. The API and worker call this at
 * boot and refuse to start when the role could bypass it: superuser, BYPASSRLS, or owner of any table
 * (an owner could disable or drop the policies).
 */
export async function assertRuntimeRoleCannotBypassRls(dataSource: DataSource): Promise<void> {
  const [role] = (await dataSource.query(
    `select r.rolname, r.rolsuper, r.rolbypassrls,
            (select count(*)::int from pg_class c where c.relowner = r.oid
               and c.relnamespace = 'public'::regnamespace) as owned
       from pg_roles r where r.rolname = current_user`,
  )) as { rolname: string; rolsuper: boolean; rolbypassrls: boolean; owned: number }[];
  const problems: string[] = [];
  if (role.rolsuper) problems.push('is a superuser');
  if (role.rolbypassrls) problems.push('has BYPASSRLS');
  if (role.owned > 0) problems.push(`owns ${role.owned} relation(s) in schema public`);
  if (problems.length > 0) {
    throw new Error(
      `Refusing to start: the runtime database role "${role.rolname}" ${problems.join(', ')}. ` +
        'Connect the API and worker with the pilotis_app role (APP_DATABASE_URL); migrations run as the owner.',
    );
  }
}
