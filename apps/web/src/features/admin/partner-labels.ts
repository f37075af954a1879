import type { OrganisationKind } from '../../gql/graphql';

/** The natures of partners, in words (the API's OrganisationKind), in alphabetical order of the words. */
export const ORGANISATION_KIND_LABELS: Record<OrganisationKind, string> = {
  ARS: 'Agence régionale de santé',
  ASSOCIATION: 'Association',
  AUTRE: 'Autre',
  BAILLEUR_SOCIAL: 'Bailleur social',
  BANQUE_DES_TERRITOIRES: 'Banque des Territoires',
  CAE: "Coopérative d'activité et d'emploi",
  CAF: 'Caisse d’allocations familiales',
  COMMUNE: 'Commune',
  DEPARTEMENT: 'Département',
  ENTREPRISE: 'Entreprise',
  EPCI: 'Intercommunalité (EPCI ou EPT)',
  ETAT: 'État',
  FONDATION: 'Fondation',
  FRANCE_TRAVAIL: 'France Travail',
  REGIE_DE_QUARTIER: 'Régie de quartier',
  REGION: 'Région',
  SCIC: "Société coopérative d'intérêt collectif (SCIC)",
  SCOP: 'Société coopérative et participative (SCOP)',
  SIAE: "Structure d'insertion par l'activité économique",
  UNION_EUROPEENNE: 'Union européenne',
};
export const KINDS = (Object.entries(ORGANISATION_KIND_LABELS) as [OrganisationKind, string][]).sort((a, b) =>
  a[1].localeCompare(b[1], 'fr'),
);

/** "12345678900014" → "123 456 789 00014" (SIREN, then the establishment number). */
export const formatSiret = (siret: string | null | undefined): string =>
  siret && /^\d{14}$/.test(siret) ? `${siret.slice(0, 3)} ${siret.slice(3, 6)} ${siret.slice(6, 9)} ${siret.slice(9)}` : (siret ?? '—');
