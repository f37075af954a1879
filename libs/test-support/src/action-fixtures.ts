import { randomUUID } from 'node:crypto';

import { DataSource } from 'typeorm';

/**
 * Actions written directly as the owner, at any step of their life and with decided lines: the
 * instruction and convention tests must not depend on the committee code to reach "programmée".
 */
export async function insertRow(owner: DataSource, table: string, values: Record<string, unknown>): Promise<string> {
  const row: Record<string, unknown> = { id: randomUUID(), ...values };
  const columns = Object.keys(row);
  await owner.query(
    `insert into ${table} (${columns.join(', ')}) values (${columns.map((_, i) => `$${i + 1}`).join(', ')})`,
    Object.values(row),
  );
  return row.id as string;
}

export const addOrganisation = (owner: DataSource, tenantId: string, name: string, kind: string): Promise<string> =>
  insertRow(owner, 'organisations', { tenant_id: tenantId, name, kind });

/** A contract with one pillar: enough to hang actions on. */
export async function addContrat(owner: DataSource, tenantId: string): Promise<{ contratId: string; pillarId: string }> {
  const contratId = await insertRow(owner, 'contrats', {
    tenant_id: tenantId,
    title: 'Engagements Quartiers 2030',
    start_year: 2024,
    end_year: 2030,
  });
  const pillarId = await insertRow(owner, 'pillars', {
    tenant_id: tenantId,
    contrat_id: contratId,
    kind: 'PILIER',
    title: 'Cohésion sociale',
    position: 1,
  });
  return { contratId, pillarId };
}

let counter = 0;

export interface LineSpec {
  funderId: string;
  requestedCents: bigint;
  /** null: undecided. */
  decidedCents?: bigint | null;
  kind?: string;
}

/** An action at `status` with its lines; returns its id and the lines' ids in order. */
export async function addAction(
  owner: DataSource,
  tenantId: string,
  siren: string,
  ctx: { contratId: string; pillarId: string },
  porteurId: string,
  status: string,
  lines: LineSpec[],
  title = 'Coopérative jeunesse de services',
): Promise<{ actionId: string; lineIds: string[] }> {
  counter += 1;
  const number = 1000 + counter;
  const actionId = await insertRow(owner, 'actions', {
    tenant_id: tenantId,
    number,
    reference: `PIL-${siren}-${String(number).padStart(4, '0')}`,
    contrat_id: ctx.contratId,
    pillar_id: ctx.pillarId,
    porteur_id: porteurId,
    title,
    start_date: '2025-01-01',
    end_date: '2025-12-31',
    total_budget_cents: '26418500',
    status,
  });
  const lineIds: string[] = [];
  for (const [i, l] of lines.entries()) {
    lineIds.push(
      await insertRow(owner, 'funding_lines', {
        tenant_id: tenantId,
        action_id: actionId,
        funder_id: l.funderId,
        kind: l.kind ?? (i % 2 === 0 ? 'DROIT_COMMUN' : 'CREDITS_SPECIFIQUES_P147'),
        amount_requested_cents: l.requestedCents.toString(),
        exercise_year: 2025,
        decided_amount_cents: l.decidedCents === undefined || l.decidedCents === null ? null : l.decidedCents.toString(),
        decided_at: l.decidedCents === undefined || l.decidedCents === null ? null : new Date(),
      }),
    );
  }
  return { actionId, lineIds };
}

export { auditOf } from './audit';
