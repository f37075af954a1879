import type { OrganisationKind, SiaeType } from '../../gql/graphql';
import { ORGANISATION_KIND_LABELS } from '../admin/partner-labels';

/** The kinds a porteur may declare (the API's `PORTEUR_KINDS`: never a funder's). */
const PORTEUR_KIND_LIST: OrganisationKind[] = [
  'ASSOCIATION',
  'REGIE_DE_QUARTIER',
  'SCOP',
  'SCIC',
  'CAE',
  'SIAE',
  'FONDATION',
  'ENTREPRISE',
  'AUTRE',
];
export const PORTEUR_KINDS: [OrganisationKind, string][] = PORTEUR_KIND_LIST.map((k) => [k, ORGANISATION_KIND_LABELS[k]]);

export const SIAE_TYPE_LABELS: Record<SiaeType, string> = {
  ACI: 'Atelier et chantier d’insertion (ACI)',
  AI: 'Association intermédiaire (AI)',
  EI: 'Entreprise d’insertion (EI)',
  ETTI: 'Entreprise de travail temporaire d’insertion (ETTI)',
  EITI: 'Entreprise d’insertion par le travail indépendant (EITI)',
};

/** Field names of the sign-up and identity forms, as the API names them, in French for the error summary. */
export const IDENTITY_FIELD_LABELS: Record<string, string> = {
  territorySiren: 'SIREN du territoire',
  email: 'Adresse e-mail',
  displayName: 'Prénom et nom',
  organisationName: 'Nom de l’organisation',
  organisationKind: 'Nature de l’organisation',
  siret: 'SIRET',
  consent: 'Accord',
  name: 'Nom de l’organisation',
  kind: 'Nature',
  rna: 'Numéro RNA',
  legalForm: 'Forme juridique',
  siaeType: 'Type de SIAE',
  postalCode: 'Code postal',
  contactEmail: 'E-mail de contact',
  contactPhone: 'Téléphone de contact',
};
