/**
 * Demo data from the guide: Rennes Métropole, Plaine Commune and Grenoble-Alpes Métropole,
 * each with its contract, pillars, QPVs, partners and a dozen actions with their financing plans, plus one
 * demo user per role. Idempotent: a tenant whose contract exists is left as it is; users are upserted.
 * Run by `npm run db:seed` (scripts/seed-demo.ts), and by the tests and benchmarks that need realistic data.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { EntityManager } from 'typeorm';

import { Role } from '@pilotis/access';
import { appendAuditEvent } from '@pilotis/audit';
import { AuthService } from '@pilotis/auth';
import { createDataSource } from '@pilotis/schema';
import { provisionTenant } from '@pilotis/tenancy';
import { analyseQpvContours, qpvGeneration } from '@pilotis/territoires';

import { DEMO_TENANTS, DemoTenant } from './demo-data';

export const DEMO_PASSWORD = 'Pilotis-demo-2026';

export interface DemoUser {
  email: string;
  name: string;
  /** A platform operator (Bull Board), in no tenant. */
  platformAdmin?: boolean;
  memberships: { siren: string; role: Role; organisationKey?: string }[];
}

const RENNES = '243500139';
const PLAINE = '200057867';
const GRENOBLE = '200040715';

/** One user per role; the Banque des Territoires' officer funds actions in two tenants. */
export const DEMO_USERS: DemoUser[] = [
  {
    email: 'admin.rennes@demo.pilotis.fr',
    name: 'Anne Admin (Rennes Métropole)',
    memberships: [{ siren: RENNES, role: Role.TENANT_ADMIN }],
  },
  {
    email: 'cdp.rennes@demo.pilotis.fr',
    name: 'Camille Chef de projet (Rennes)',
    memberships: [{ siren: RENNES, role: Role.CHEF_DE_PROJET }],
  },
  {
    email: 'financeur.region@demo.pilotis.fr',
    name: 'Romain Région Bretagne',
    memberships: [{ siren: RENNES, role: Role.FUNDER_REPRESENTATIVE, organisationKey: 'region' }],
  },
  {
    email: 'financeur.bdt@demo.pilotis.fr',
    name: 'Béatrice Banque des Territoires',
    memberships: [
      { siren: RENNES, role: Role.FUNDER_REPRESENTATIVE, organisationKey: 'bdt' },
      { siren: GRENOBLE, role: Role.FUNDER_REPRESENTATIVE, organisationKey: 'bdt' },
    ],
  },
  {
    email: 'delegue.35@demo.pilotis.fr',
    name: 'Denis Délégué du préfet (Ille-et-Vilaine)',
    memberships: [{ siren: RENNES, role: Role.DELEGUE_PREFET, organisationKey: 'etat' }],
  },
  { email: 'auditeur@demo.pilotis.fr', name: 'Aude Auditrice', memberships: [{ siren: RENNES, role: Role.AUDITOR }] },
  // Two porteurs' representatives, each in its organisation's space (« /t/243500139/espace »), with the demo's actions they carry.
  {
    email: 'porteur.maurepas@demo.pilotis.fr',
    name: 'Mariam Porteuse (Régie de quartier Maurepas – Patton)',
    memberships: [{ siren: RENNES, role: Role.PORTEUR_REPRESENTATIVE, organisationKey: 'regie-maurepas' }],
  },
  {
    email: 'porteur.blosne@demo.pilotis.fr',
    name: 'Bastien Porteur (Ateliers numériques du Blosne)',
    memberships: [{ siren: RENNES, role: Role.PORTEUR_REPRESENTATIVE, organisationKey: 'scop-blosne' }],
  },
  { email: 'admin.plaine@demo.pilotis.fr', name: 'Paul Admin (Plaine Commune)', memberships: [{ siren: PLAINE, role: Role.TENANT_ADMIN }] },
  {
    email: 'cdp.plaine@demo.pilotis.fr',
    name: 'Pauline Chef de projet (Plaine Commune)',
    memberships: [{ siren: PLAINE, role: Role.CHEF_DE_PROJET }],
  },
  { email: 'plateforme@demo.pilotis.fr', name: 'Paola Plateforme (exploitation)', platformAdmin: true, memberships: [] },
  {
    email: 'admin.grenoble@demo.pilotis.fr',
    name: 'Gaëlle Admin (Grenoble-Alpes)',
    memberships: [{ siren: GRENOBLE, role: Role.TENANT_ADMIN }],
  },
];

async function seedTenant(m: EntityManager, tenantId: string, siren: string, data: DemoTenant): Promise<Map<string, string>> {
  const orgIds = new Map<string, string>();
  const existing = (await m.query('select id from contrats where tenant_id = $1 limit 1', [tenantId])) as unknown[];
  const orgRows = (await m.query('select id, name from organisations where tenant_id = $1', [tenantId])) as { id: string; name: string }[];
  if (existing.length > 0) {
    for (const o of data.organisations) {
      const row = orgRows.find((r) => r.name === o.name);
      if (row) orgIds.set(o.key, row.id);
    }
    return orgIds;
  }
  for (const o of data.organisations) {
    const id = randomUUID();
    orgIds.set(o.key, id);
    await m.query(
      `insert into organisations (tenant_id, id, name, kind, siret, esus, legal_form, rna, address_line, postal_code, city, contact_email)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [
        tenantId,
        id,
        o.name,
        o.kind,
        o.siret ?? null,
        o.esus ?? false,
        o.identity?.legalForm ?? null,
        o.identity?.rna ?? null,
        o.identity?.addressLine ?? null,
        o.identity?.postalCode ?? null,
        o.identity?.city ?? null,
        o.identity?.contactEmail ?? null,
      ],
    );
  }
  const qpvIds = new Map<string, string>();
  for (const q of data.qpvs) {
    const id = randomUUID();
    qpvIds.set(q.code, id);
    await m.query('insert into qpvs (tenant_id, id, code, name, communes, generation, en_veille) values ($1, $2, $3, $4, $5, $6, $7)', [
      tenantId,
      id,
      q.code,
      q.name,
      q.communes,
      qpvGeneration(q.code),
      q.enVeille ?? false,
    ]);
  }
  await seedContours(m, tenantId, siren, qpvIds);
  const contratId = randomUUID();
  await m.query('insert into contrats (tenant_id, id, title, start_year, end_year, status) values ($1, $2, $3, $4, $5, $6)', [
    tenantId,
    contratId,
    data.contrat.title,
    data.contrat.startYear,
    data.contrat.endYear,
    'EN_COURS',
  ]);
  for (const key of data.contrat.signatoryKeys) {
    await m.query('insert into contrat_signatories (tenant_id, contrat_id, organisation_id) values ($1, $2, $3)', [
      tenantId,
      contratId,
      orgIds.get(key),
    ]);
  }
  for (const qpvId of qpvIds.values()) {
    await m.query('insert into contrat_qpvs (tenant_id, contrat_id, qpv_id) values ($1, $2, $3)', [tenantId, contratId, qpvId]);
  }
  const pillars: { id: string; objectives: Map<string, string> }[] = [];
  for (const [index, p] of data.pillars.entries()) {
    const id = randomUUID();
    await m.query('insert into pillars (tenant_id, id, contrat_id, kind, title, position) values ($1, $2, $3, $4, $5, $6)', [
      tenantId,
      id,
      contratId,
      p.kind,
      p.title,
      index + 1,
    ]);
    const objectives = new Map<string, string>();
    for (const o of p.objectives) {
      const oid = randomUUID();
      objectives.set(o.code, oid);
      await m.query('insert into objectives (tenant_id, id, pillar_id, code, title) values ($1, $2, $3, $4, $5)', [
        tenantId,
        oid,
        id,
        o.code,
        o.title,
      ]);
    }
    pillars.push({ id, objectives });
  }
  for (const [index, a] of data.actions.entries()) {
    const id = randomUUID();
    const number = index + 1;
    const pillar = pillars[a.pillarIndex];
    const total = a.fundingLines.reduce((sum, l) => sum + BigInt(l.amountRequestedCents), 0n);
    await m.query(
      `insert into actions (tenant_id, id, number, reference, contrat_id, pillar_id, objective_id, porteur_id, title, description,
                            start_date, end_date, total_budget_cents, status)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
      [
        tenantId,
        id,
        number,
        `PIL-${siren}-${String(number).padStart(4, '0')}`,
        contratId,
        pillar.id,
        a.objectiveCode ? pillar.objectives.get(a.objectiveCode) : null,
        orgIds.get(a.porteurKey),
        a.title,
        a.description,
        a.startDate,
        a.endDate,
        total.toString(),
        a.status,
      ],
    );
    for (const code of a.qpvCodes) {
      await m.query('insert into action_qpvs (tenant_id, action_id, qpv_id) values ($1, $2, $3)', [tenantId, id, qpvIds.get(code)]);
    }
    for (const [lineIndex, l] of a.fundingLines.entries()) {
      const decided = decidedAmount(a.status, lineIndex, l.amountRequestedCents);
      await m.query(
        `insert into funding_lines (tenant_id, id, action_id, funder_id, kind, amount_requested_cents, in_kind, pledge, exercise_year,
                                    decided_amount_cents, decided_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [
          tenantId,
          randomUUID(),
          id,
          orgIds.get(l.funderKey),
          l.kind,
          l.amountRequestedCents,
          l.inKind ?? false,
          l.pledge ?? false,
          l.exerciseYear,
          decided,
          decided === null ? null : `${l.exerciseYear}-03-15T10:00:00Z`,
        ],
      );
    }
  }
  await seedCommittee(m, tenantId, contratId);
  if (siren === RENNES) await seedCall(m, tenantId, contratId, pillars[0].id, orgIds);
  await seedFinance(m, tenantId);
  if (siren === RENNES) await seedBilans(m, tenantId);
  await m.query(
    `insert into tenant_counters (tenant_id, name, value) values ($1, 'action', $2)
     on conflict (tenant_id, name) do update set value = greatest(tenant_counters.value, excluded.value)`,
    [tenantId, data.actions.length],
  );
  await appendAuditEvent(m, tenantId, {
    operation: 'demo.seed',
    entityType: 'ContratDeVille',
    entityId: contratId,
    after: { actions: data.actions.length, organisations: data.organisations.length },
  });
  return orgIds;
}

/**
 * What the comité des financeurs decided for an action already past it, as the committee's close would
 * have written it: everything granted, a partial grant (the first line in full, half of the others), or
 * nothing. Null: not decided yet.
 */
function decidedAmount(status: string, lineIndex: number, requested: number): number | null {
  switch (status) {
    case 'PROGRAMMEE':
    case 'CONVENTIONNEE':
    case 'EN_COURS':
    case 'BILAN_ATTENDU':
    case 'SOLDEE':
      return requested;
    case 'PARTIELLEMENT_PROGRAMMEE':
      return lineIndex === 0 ? requested : Math.floor(requested / 2);
    case 'REFUSEE':
      return 0;
    default:
      return null;
  }
}

/** Who recorded the demo's commitments and payments: nobody (a nil id), as a data migration would. */
const DEMO_RECORDER = '00000000-0000-0000-0000-000000000000';

/**
 * What funders' finance systems would have recorded for actions past their signature: a commitment of the
 * whole decided amount on each granted line (EJ-<year>-<n>), and its payments — the 50 % advance, and the
 * balance for actions already soldées (MD-<year>-<n>) — the lines' sums kept by the ledger's triggers. The dashboards then show committed and paid amounts, and the README's examples have
 * commitments to pay.
 */
async function seedFinance(m: EntityManager, tenantId: string): Promise<void> {
  await m.query(
    `insert into commitments (tenant_id, id, funding_line_id, funder_id, reference, committed_on, amount_cents, source, recorded_by)
     select $1, gen_random_uuid(), l.id, l.funder_id, 'EJ-' || l.exercise_year || '-' || lpad(l.n::text, 4, '0'), make_date(l.exercise_year, 4, 15), l.decided_amount_cents, 'API', $2
       from (select fl.*, row_number() over (order by a.number, fl.id) as n
               from funding_lines fl join actions a on a.tenant_id = fl.tenant_id and a.id = fl.action_id
              where fl.tenant_id = $1 and fl.decided_amount_cents > 0 and a.status in ('CONVENTIONNEE', 'EN_COURS', 'BILAN_ATTENDU', 'SOLDEE')) l`,
    [tenantId, DEMO_RECORDER],
  );
  await m.query(
    `insert into payments (tenant_id, id, funding_line_id, commitment_id, funder_id, reference, paid_on, amount_cents, source, recorded_by)
     select $1, gen_random_uuid(), c.funding_line_id, c.id, c.funder_id, replace(c.reference, 'EJ-', 'MD-'), c.committed_on + 30,
            case when a.status = 'SOLDEE' then c.amount_cents else c.amount_cents / 2 end, 'API', $2
       from commitments c join funding_lines fl on fl.tenant_id = c.tenant_id and fl.id = c.funding_line_id
       join actions a on a.tenant_id = fl.tenant_id and a.id = fl.action_id
      where c.tenant_id = $1 and c.amount_cents >= 2`,
    [tenantId, DEMO_RECORDER],
  );
}

/** Targets from the territory's catalogue (seeded with the tenant), by code: [label, target, unit, code]. */
type Target = [string, number, string, string];

async function insertTargets(m: EntityManager, tenantId: string, actionId: string, targets: Target[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const [i, [label, target, unit, code]] of targets.entries()) {
    const id = randomUUID();
    ids.set(code, id);
    await m.query(
      `insert into action_indicators (tenant_id, id, action_id, position, label, target, unit, definition_id)
       select $1, $2, $3, $4, $5, $6, $7, d.id from indicator_definitions d where d.tenant_id = $1 and d.code = $8`,
      [tenantId, id, actionId, i + 1, label, target, unit, code],
    );
  }
  return ids;
}

/**
 * Rennes' bilans: the CJS du Blosne (soldée, exercise 2024) has its budget prévisionnel, catalogue targets
 * and an accepted bilan — realised budget with one explained gap, each funder's share, indicator values —
 * so that the contract's dashboard shows realised figures; L'Autre Boutique (2025, running) has targets
 * only. The bilan's receipt is recorded as its acceptance does, so that its deadline stays met.
 */
async function seedBilans(m: EntityManager, tenantId: string): Promise<void> {
  const [cjs] = (await m.query(`select id from actions where tenant_id = $1 and title like 'Coopérative Jeunesse de Services du Blosne%'`, [
    tenantId,
  ])) as { id: string }[];
  const [boutique] = (await m.query(`select id from actions where tenant_id = $1 and title like 'L''Autre Boutique%'`, [tenantId])) as {
    id: string;
  }[];
  if (!cjs || !boutique) return;
  await insertTargets(m, tenantId, boutique.id, [
    ['Salariés en insertion accompagnés', 12, 'personnes', 'BENEFICIAIRES'],
    ["Heures d'insertion", 14000, 'heures', 'HEURES_INSERTION'],
    ['Emplois ESS créés', 2, 'emplois', 'EMPLOIS_ESS'],
    ['Sorties positives', 60, '%', 'SORTIES_POSITIVES'],
  ]);
  const indicators = await insertTargets(m, tenantId, cjs.id, [
    ['Jeunes coopérants', 15, 'personnes', 'BENEFICIAIRES'],
    ['dont résidents du Blosne', 12, 'personnes', 'BENEFICIAIRES_QPV'],
    ['Part de jeunes femmes', 50, '%', 'PART_FEMMES'],
    ['Jeunes de 16 à 25 ans accompagnés', 15, 'personnes', 'JEUNES_ACCOMPAGNES'],
  ]);
  const budget: [string, string, string, number, number, string][] = [
    ['CHARGE', '64', 'Animateurs de la coopérative', 1_250_000, 1_310_000, ''],
    [
      'CHARGE',
      '60',
      'Matériel de lavage et petits travaux',
      450_000,
      300_000,
      'Matériel prêté par la régie de quartier : un tiers d’achats en moins.',
    ],
    ['CHARGE', '62', 'Formation et assurance', 250_000, 240_000, ''],
  ];
  const reportId = randomUUID();
  await m.query(
    `insert into bilan_reports (tenant_id, id, action_id, exercise_year, status, qualitative, submitted_at, accepted_at, updated_at)
     values ($1, $2, $3, 2024, 'ACCEPTED', $4, '2025-03-12T09:00:00Z', '2025-04-02T14:00:00Z', '2025-04-02T14:00:00Z')`,
    [
      tenantId,
      reportId,
      cjs.id,
      'Seize jeunes de 16 à 18 ans ont fait vivre la coopérative de juillet à août, dont treize du Blosne et neuf jeunes femmes. 212 prestations de lavage et de petits travaux pour les habitants et deux bailleurs ; quatre jeunes poursuivent en apprentissage à la rentrée. Difficulté : la mobilité vers les clients hors quartier, résolue avec le prêt de vélos cargos.',
    ],
  );
  for (const [i, [side, account, label, planned, realised, explanation]] of budget.entries()) {
    const lineId = randomUUID();
    await m.query(
      `insert into action_budget_lines (tenant_id, id, action_id, position, side, account, label, planned_cents) values ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [tenantId, lineId, cjs.id, i + 1, side, account, label, planned],
    );
    await m.query(
      `insert into bilan_budget_lines (tenant_id, id, report_id, budget_line_id, realised_cents, explanation) values ($1, $2, $3, $4, $5, $6)`,
      [tenantId, randomUUID(), reportId, lineId, realised, explanation],
    );
  }
  // Each funder's share realised as granted.
  await m.query(
    `insert into bilan_budget_lines (tenant_id, id, report_id, funding_line_id, realised_cents)
     select $1, gen_random_uuid(), $2, fl.id, fl.decided_amount_cents from funding_lines fl
      where fl.tenant_id = $1 and fl.action_id = $3 and fl.exercise_year = 2024 and fl.decided_amount_cents > 0`,
    [tenantId, reportId, cjs.id],
  );
  const values: Record<string, number> = { BENEFICIAIRES: 16, BENEFICIAIRES_QPV: 13, PART_FEMMES: 56.25, JEUNES_ACCOMPAGNES: 16 };
  for (const [code, value] of Object.entries(values)) {
    await m.query(`insert into bilan_indicator_values (tenant_id, id, report_id, action_indicator_id, value) values ($1, $2, $3, $4, $5)`, [
      tenantId,
      randomUUID(),
      reportId,
      indicators.get(code),
      value,
    ]);
  }
  await m.query(
    `insert into bilans (tenant_id, id, action_id, exercise_year, received_at) values ($1, gen_random_uuid(), $2, 2024, '2025-04-02T14:00:00Z')`,
    [tenantId, cjs.id],
  );
}

/**
 * A comité des financeurs a week from the seeding day, with the actions waiting for arbitration on its
 * agenda and their funders as voting members (funders of the contract, as committee members must be —
 * `CommitteeMembership`; a porteur's own contribution does not make it one): the worker's first scan reminds them (J-7) and the chef de
 * projet (agenda freeze overdue), so a newcomer sees reminders arrive in the captured e-mails.
 */
async function seedCommittee(m: EntityManager, tenantId: string, contratId: string): Promise<void> {
  const committeeId = randomUUID();
  await m.query(
    `insert into committees (tenant_id, id, kind, contrat_id, title, scheduled_at, place, quorum)
     values ($1, $2, 'COMITE_DES_FINANCEURS', $3, $4, date_trunc('day', now()) + interval '7 days 13 hours', $5, 1)`,
    [tenantId, committeeId, contratId, 'Comité des financeurs', 'Salle du conseil communautaire'],
  );
  await m.query(
    `insert into committee_members (tenant_id, committee_id, organisation_id, voting)
     select distinct $1::uuid, $2::uuid, fl.funder_id, true from funding_lines fl join actions a on a.tenant_id = fl.tenant_id and a.id = fl.action_id
      where a.tenant_id = $1 and a.contrat_id = $3 and a.status = 'A_ARBITRER' and fl.funder_id <> a.porteur_id`,
    [tenantId, committeeId, contratId],
  );
  await m.query(
    `insert into agenda_items (tenant_id, id, committee_id, action_id, position)
     select $1, gen_random_uuid(), $2, a.id, row_number() over (order by a.number) from actions a where a.tenant_id = $1 and a.status = 'A_ARBITRER'`,
    [tenantId, committeeId],
  );
}

/**
 * One published call for projects of Rennes Métropole's contract, exercise 2027, open since a week and
 * closing in two months at noon (Paris time) — relative to the seeding's own clock, so that the public page
 * `/appels/243500139` always shows an open call — with its instruction and committee dates, its funders'
 * indicative envelopes and the pieces every dossier joins.
 */
async function seedCall(
  m: EntityManager,
  tenantId: string,
  contratId: string,
  pillarId: string,
  orgIds: Map<string, string>,
): Promise<void> {
  const callId = randomUUID();
  await m.query(
    `insert into calls_for_projects (tenant_id, id, contrat_id, exercise, title, description, status, opens_at, closes_at, published_at,
                                     instruction_due_date, committee_date, eligible_kinds)
     values ($1, $2, $3, 2027, $4, $5, 'PUBLIE',
             (date_trunc('day', now() at time zone 'Europe/Paris') - interval '7 days' + interval '9 hours') at time zone 'Europe/Paris',
             (date_trunc('day', now() at time zone 'Europe/Paris') + interval '60 days' + interval '12 hours') at time zone 'Europe/Paris',
             now() - interval '7 days',
             (now() at time zone 'Europe/Paris')::date + 90, (now() at time zone 'Europe/Paris')::date + 110,
             array['ASSOCIATION', 'REGIE_DE_QUARTIER', 'SCIC', 'SCOP', 'CAE', 'SIAE'])`,
    [
      tenantId,
      callId,
      contratId,
      'Appel à projets 2027 – Quartiers solidaires',
      [
        'Rennes Métropole et ses partenaires soutiennent les projets qui renforcent le lien social, la réussite éducative et l’accès aux droits des habitants des quartiers prioritaires.',
        'Les projets sont portés par des structures de l’économie sociale et solidaire, associent les habitants à leur conception et s’inscrivent dans un des quartiers du contrat de ville.',
        'Les dossiers sont instruits par l’équipe du contrat de ville avec les financeurs, puis examinés en comité des financeurs.',
      ].join('\n\n'),
    ],
  );
  await m.query('insert into call_pillars (tenant_id, call_id, pillar_id) values ($1, $2, $3)', [tenantId, callId, pillarId]);
  await m.query(
    'insert into call_qpvs (tenant_id, call_id, qpv_id) select tenant_id, $2, qpv_id from contrat_qpvs where tenant_id = $1 and contrat_id = $3',
    [tenantId, callId, contratId],
  );
  for (const [key, cents, note] of [
    ['etat', 20_000_000, 'Crédits P147 : montant notifié en février'],
    ['region', 8_000_000, ''],
    ['caf', 5_000_000, ''],
  ] as const) {
    await m.query(
      'insert into call_funders (tenant_id, call_id, organisation_id, envelope_cents, internal_note) values ($1, $2, $3, $4, $5)',
      [tenantId, callId, orgIds.get(key), cents, note],
    );
  }
  for (const [index, [label, mandatory, description]] of [
    ['Statuts à jour', true, ''],
    ['Relevé d’identité bancaire', true, 'Au nom de la structure, avec son adresse.'],
    ['Derniers comptes approuvés', true, 'Bilan et compte de résultat du dernier exercice clos.'],
    ['Rapport d’activité', false, ''],
  ].entries()) {
    await m.query(
      'insert into call_required_pieces (tenant_id, id, call_id, position, label, mandatory, description) values ($1, $2, $3, $4, $5, $6, $7)',
      [tenantId, randomUUID(), callId, index + 1, label, mandatory, description],
    );
  }
}

/**
 * The demo users share one published password: never in a production database. Only an explicit
 * NODE_ENV=production refuses, so that the demo and developers' shells (no NODE_ENV) keep seeding.
 */
export function assertSeedAllowed(env: NodeJS.ProcessEnv = process.env): void {
  if (env.NODE_ENV === 'production') {
    throw new Error('Refus : les données de démonstration (mot de passe publié) ne se chargent pas avec NODE_ENV=production.');
  }
}

/**
 * The demo QPVs' outlines, per territory: small simplified polygons drawn near the real quarters (not the
 * official outlines), shipped with the repository and read by the import's own checks, so that the demo's
 * maps have something to draw. Also the fixture of the API's tests (apps/api/test/fixtures).
 */
const DEMO_CONTOUR_FILES: Record<string, string> = { '243500139': 'qpv-contours-rennes.geojson' };

function demoContourFile(name: string): string {
  const here = path.join(__dirname, name);
  // A build (dist/) holds no data files: read the repository's.
  return existsSync(here) ? here : path.resolve(__dirname, '..', '..', '..', '..', 'libs', 'demo-seed', 'src', name);
}

async function seedContours(m: EntityManager, tenantId: string, siren: string, qpvIds: Map<string, string>): Promise<void> {
  const file = DEMO_CONTOUR_FILES[siren];
  if (!file) return;
  const analysis = analyseQpvContours(readFileSync(demoContourFile(file), 'utf8'), new Set(qpvIds.keys()));
  if (analysis.errors.length > 0) throw new Error(`demo outlines refused: ${JSON.stringify(analysis.errors)}`);
  for (const c of analysis.contours) {
    await m.query(
      `insert into qpv_contours (tenant_id, qpv_id, code, coordinates, min_lon, min_lat, max_lon, max_lat, vertex_count)
       values ($1, $2, $3, $4::jsonb, $5, $6, $7, $8, $9)`,
      [
        tenantId,
        qpvIds.get(c.code),
        c.code,
        JSON.stringify(c.coordinates),
        c.bbox.minLon,
        c.bbox.minLat,
        c.bbox.maxLon,
        c.bbox.maxLat,
        c.vertexCount,
      ],
    );
  }
}

export async function seedDemo(databaseUrl: string): Promise<void> {
  assertSeedAllowed();
  const ds = createDataSource(databaseUrl);
  await ds.initialize();
  try {
    const passwordHash = await AuthService.hashPassword(DEMO_PASSWORD);
    const tenants = new Map<string, { tenantId: string; orgIds: Map<string, string> }>();
    for (const data of DEMO_TENANTS) {
      const admin = DEMO_USERS.find((u) => u.memberships.some((mb) => mb.siren === data.siren && mb.role === Role.TENANT_ADMIN));
      const t = await provisionTenant(ds, {
        siren: data.siren,
        adminEmail: admin?.email ?? `admin.${data.siren}@demo.pilotis.fr`,
        adminName: admin?.name,
        adminPassword: DEMO_PASSWORD,
      });
      const orgIds = await ds.transaction((m) => seedTenant(m, t.tenantId, data.siren, data));
      tenants.set(data.siren, { tenantId: t.tenantId, orgIds });
    }
    await ds.transaction(async (m) => {
      for (const u of DEMO_USERS) {
        const [user] = (await m.query(
          `insert into users (id, email, display_name, password_hash, platform_admin) values ($1, $2, $3, $4, $5)
           on conflict (email) do update set display_name = excluded.display_name, password_hash = excluded.password_hash, platform_admin = excluded.platform_admin
           returning id`,
          [randomUUID(), u.email, u.name, passwordHash, u.platformAdmin ?? false],
        )) as { id: string }[];
        for (const mb of u.memberships) {
          const tenant = tenants.get(mb.siren);
          if (!tenant) continue;
          await m.query(
            `insert into memberships (tenant_id, id, user_id, role, organisation_id) values ($1, $2, $3, $4, $5)
             on conflict (tenant_id, user_id) do update set role = excluded.role, organisation_id = excluded.organisation_id, revoked_at = null`,
            [tenant.tenantId, randomUUID(), user.id, mb.role, mb.organisationKey ? (tenant.orgIds.get(mb.organisationKey) ?? null) : null],
          );
        }
      }
    });
  } finally {
    await ds.destroy();
  }
}
