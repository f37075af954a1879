import { useEffect, useState } from 'react';
import { ApiError, request } from '../api';
import { graphql } from '../gql';
import type { ActionContratsQuery, ActionOrganisationsQuery } from '../gql/graphql';
import { useQuery } from '../hooks';
import { useSession } from '../session';

/** Helpers shared by the action screens (list, dossier, creation form). */

const CONTRATS = graphql(`
  query ActionContrats {
    contrats {
      id title startYear endYear
      pillars { id title position kind objectives { id code title } }
      qpvs { id code name enVeille }
    }
  }
`);

const ORGANISATIONS = graphql(`
  query ActionOrganisations($after: String) {
    organisations(first: 100, after: $after) { nodes { id name kind } pageInfo { endCursor hasNextPage } }
  }
`);

export type Contrat = ActionContratsQuery['contrats'][number];
export type Organisation = ActionOrganisationsQuery['organisations']['nodes'][number];

/** Roles that create and change actions (the API's MANAGE_ACTIONS). */
export const MANAGE_ACTIONS_ROLES = new Set(['TENANT_ADMIN', 'CHEF_DE_PROJET']);
/** Roles that read the audit trail (the API's READ_AUDIT). */
export const READ_AUDIT_ROLES = new Set(['TENANT_ADMIN', 'AUDITOR']);

/** My role in the territory of the page, or null. */
export function useTenantRole(siren: string | undefined): { role: string | null; tenantName: string } {
  const { tenants } = useSession();
  const t = tenants.find((x) => x.tenant.siren === siren);
  return { role: t?.role ?? null, tenantName: t?.tenant.name ?? '' };
}

/** The territory's current contract (the most recent) and all its partners, for filters and forms. */
export function useReferenceData(siren: string): { contrat: Contrat | null; organisations: Organisation[]; error: ApiError | null; loading: boolean } {
  const contrats = useQuery(CONTRATS, {}, siren);
  const [orgs, setOrgs] = useState<{ list: Organisation[]; error: ApiError | null; loading: boolean }>({ list: [], error: null, loading: true });
  useEffect(() => {
    let current = true;
    void (async () => {
      const list: Organisation[] = [];
      try {
        let after: string | null = null;
        // Partners come 100 at a time, alphabetically; a territory rarely has more than a few pages.
        for (let page = 0; page < 20; page++) {
          const answer: ActionOrganisationsQuery = await request(ORGANISATIONS, { after }, siren);
          list.push(...answer.organisations.nodes);
          if (!answer.organisations.pageInfo.hasNextPage) break;
          after = answer.organisations.pageInfo.endCursor ?? null;
        }
        if (current) setOrgs({ list, error: null, loading: false });
      } catch (error) {
        if (current) setOrgs({ list: [], error: error instanceof ApiError ? error : new ApiError('INTERNAL_SERVER_ERROR', 'Le serveur ne répond pas.'), loading: false });
      }
    })();
    return () => {
      current = false;
    };
  }, [siren]);
  return {
    contrat: contrats.data?.contrats[0] ?? null,
    organisations: orgs.list,
    error: contrats.error ?? orgs.error,
    loading: contrats.loading || orgs.loading,
  };
}

/** The years of a contract, first to last. */
export const contratYears = (c: { startYear: number; endYear: number } | null): number[] =>
  c ? Array.from({ length: c.endYear - c.startYear + 1 }, (_, i) => c.startYear + i) : [];

/** The largest amount of one line the API accepts: one billion euros. */
const MAX_CENTS = 100_000_000_000;

/**
 * An amount in euros as people type it ("1 234,56", "1234.5", "12 500 €", "1.234,50") into integer cents,
 * by reading the digits as text: no floating-point multiplication. Null when it is not an amount.
 */
export function parseEuros(text: string): number | null {
  let s = text.replace(/[\s\u00a0\u202f]/g, '').replace(/(€|EUR|euros?)$/i, '');
  if (s === '') return null;
  // "1.234,56" or "1.234": dots separating thousands.
  if (/^\d{1,3}(\.\d{3})+(,\d{1,2})?$/.test(s)) s = s.replace(/\./g, '');
  const m = /^(\d+)(?:[.,](\d{1,2}))?$/.exec(s);
  if (!m) return null;
  const units = m[1].replace(/^0+(?=\d)/, '');
  if (units.length > 13) return null;
  // Both parts are integers far below 2^53: this arithmetic is exact.
  return Number(units) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** Checks a typed amount; the error message, or null when it is fine. */
export function eurosError(text: string, required = true): string | null {
  if (text.trim() === '') return required ? 'Indiquez un montant en euros.' : null;
  const cents = parseEuros(text);
  if (cents === null) return 'Montant invalide : écrivez des euros, par exemple 12 500 ou 1 234,56.';
  if (cents > MAX_CENTS) return "Le montant dépasse le plafond autorisé (un milliard d'euros).";
  return null;
}

/** Cents as a French decimal for spreadsheets, without thousands separators: 123456 → "1234,56". */
export function centsToDecimal(cents: number | null | undefined): string {
  if (cents === null || cents === undefined) return '';
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.trunc(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
}

/** One CSV cell: quoted when needed; text that a spreadsheet would run as a formula is defused. */
function csvCell(value: string, numeric: boolean): string {
  const safe = !numeric && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A CSV file as French spreadsheets open it: UTF-8 with a BOM, `;` between cells, CRLF between lines. */
export function toCsv(header: string[], rows: { text: string; numeric?: boolean }[][]): string {
  const lines = [header.map((h) => csvCell(h, false)), ...rows.map((r) => r.map((c) => csvCell(c.text, !!c.numeric)))];
  return `\uFEFF${lines.map((l) => l.join(';')).join('\r\n')}\r\n`;
}

/** Saves text as a file, in the browser. */
export function saveText(fileName: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** "Rennes Métropole" → "rennes-metropole", for file names. */
export const slug = (name: string): string =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || 'territoire';

/** The API's field messages start in lower case ("l'intitulé est obligatoire"): a sentence shows them. */
export const sentence = (message: string): string => (message ? message.charAt(0).toUpperCase() + message.slice(1) : message);

export const OPINION_LABELS: Record<string, string> = { FAVORABLE: 'Favorable', RESERVE: 'Réservé', DEFAVORABLE: 'Défavorable' };

export const DEADLINE_STATE_LABELS: Record<string, string> = { OVERDUE: 'En retard', DUE: 'À échéance', UPCOMING: 'À venir', MET: 'Tenue' };

export const DEADLINE_KIND_LABELS: Record<string, string> = {
  AGENDA_FREEZE: "Gel de l'ordre du jour",
  BILAN: 'Bilan',
  COMMITTEE_VOTE: 'Vote du comité',
  CONTRAT_END: 'Fin du contrat',
  CONVENTION_SIGNATURE: 'Signature de la convention',
  PAYMENT_TRANCHE: 'Versement',
};

export const AUDIT_OPERATION_LABELS: Record<string, string> = {
  'action.create': 'Création',
  'action.update': 'Modification',
  'action.transition': "Changement d'étape",
  'bilan.receive': 'Bilan reçu',
};
