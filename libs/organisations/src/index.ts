// The public surface of @pilotis/organisations: only what other projects import. Everything else in src/ is internal.

// Nest modules, imported by the apps and by the contexts that build on this one.
export { OrganisationsModule } from './organisations.module';

// Entities: registered by the composition root (libs/schema), joined on by other contexts.
export { Organisation } from './organisation.entity';

// Used by other libraries.
export { ESS_KINDS, ORGANISATION_KIND_LABELS, OrganisationKind, PORTEUR_KINDS } from './organisation.entity';
export { OrganisationIdentityInput } from './organisation.inputs';
export { OrganisationService } from './organisation.service';
export {
  LEGAL_FORMS,
  normaliseLegalForm,
  normalisePhone,
  normalisePostalCode,
  normaliseRna,
  normaliseSiret,
  SiaeType,
  SIAE_TYPE_LABELS,
} from './organisation-identity';
