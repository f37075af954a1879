import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reminder titles wrote their due date as « 30/06/2027 »; they now write it as every other date shown to a
 * person (« 30 juin 2027 », « 1er août 2027 », see formatCivilDate). The titles already recorded are rewritten
 * from the date they carry, so that the application and the next digests read alike. The months are spelt
 * here rather than imported: a migration is history and must not change with the code.
 */
const MONTHS = `array['janvier','février','mars','avril','mai','juin','juillet','août','septembre','octobre','novembre','décembre']`;
const OLD = `'échéance le (\\d{2})/(\\d{2})/(\\d{4})$'`;

export class FrenchReminderDates1764810000000 implements MigrationInterface {
  name = 'FrenchReminderDates1764810000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`update notifications n set title = regexp_replace(n.title, ${OLD},
                     'échéance le ' || case when m[1]::int = 1 then '1er' else m[1]::int::text end
                       || ' ' || (${MONTHS})[m[2]::int] || ' ' || m[3])
                     from (select id, tenant_id, regexp_match(title, ${OLD}) as m from notifications) x
                    where x.tenant_id = n.tenant_id and x.id = n.id and x.m is not null`);
  }

  public async down(q: QueryRunner): Promise<void> {
    // The dates written in words are read back into digits (« 1er » included).
    await q.query(`update notifications n set title = regexp_replace(n.title, 'échéance le (1er|\\d{1,2}) (\\S+) (\\d{4})$',
                     'échéance le ' || lpad(replace(m[1], 'er', ''), 2, '0') || '/' || lpad(array_position(${MONTHS}, m[2])::text, 2, '0') || '/' || m[3])
                     from (select id, tenant_id, regexp_match(title, 'échéance le (1er|\\d{1,2}) (\\S+) (\\d{4})$') as m from notifications) x
                    where x.tenant_id = n.tenant_id and x.id = n.id and x.m is not null`);
  }
}
