import { DataSource } from 'typeorm';

/**
 * Tenant isolation rests on the runtime role being unable to escape RLS. The API and worker call this at
 * boot and refuse to start when the role could bypass it: superuser, BYPASSRLS, or owner of any table
 * (an owner could disable or drop the policies) — or member, directly or through other roles, of a role
 * that is any of these: membership lets it `SET ROLE` to that role (and may inherit its rights), which is
 * the same escape one step removed.
 */
export async function assertRuntimeRoleCannotBypassRls(dataSource: DataSource): Promise<void> {
  const [role] = (await dataSource.query(
    `with owners as (
       select distinct c.relowner as oid from pg_class c where c.relnamespace = 'public'::regnamespace
     )
     select r.rolname, r.rolsuper, r.rolbypassrls,
            (select count(*)::int from pg_class c where c.relowner = r.oid
               and c.relnamespace = 'public'::regnamespace) as owned,
            -- pg_has_role(…, 'MEMBER') follows memberships transitively, with or without INHERIT.
            coalesce((select array_agg(m.rolname::text order by m.rolname)
               from pg_roles m
              where m.oid <> r.oid
                and pg_has_role(r.oid, m.oid, 'MEMBER')
                and (m.rolsuper or m.rolbypassrls or m.oid in (select oid from owners))), '{}') as dangerous_groups
       from pg_roles r where r.rolname = current_user`,
  )) as { rolname: string; rolsuper: boolean; rolbypassrls: boolean; owned: number; dangerous_groups: string[] }[];
  const problems: string[] = [];
  if (role.rolsuper) problems.push('is a superuser');
  if (role.rolbypassrls) problems.push('has BYPASSRLS');
  if (role.owned > 0) problems.push(`owns ${role.owned} relation(s) in schema public`);
  if (role.dangerous_groups.length > 0) {
    problems.push(
      `is a member of ${role.dangerous_groups.map((g) => `"${g}"`).join(', ')} (superuser, BYPASSRLS or owner of relations in schema public)`,
    );
  }
  if (problems.length > 0) {
    throw new Error(
      `Refusing to start: the runtime database role "${role.rolname}" ${problems.join(', ')}. ` +
        'Connect the API and worker with the pilotis_app role (APP_DATABASE_URL); migrations run as the owner.',
    );
  }
}
