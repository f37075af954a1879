import { Field, GraphQLISODateTime, ID, Int, ObjectType, Parent, ResolveField, Resolver } from '@nestjs/graphql';

import { Action } from '@pilotis/actions';
import { CallRequiredPiece } from '@pilotis/appels';
import { Committee, VoteOnBehalf } from '@pilotis/comites';
import { Convention, SignatureOnBehalf } from '@pilotis/conventions';

import { Document, DocumentOwnerKind } from './document.entity';
import { DocumentService } from './document.service';

/**
 * A bilan received for an action and an exercise (recorded by `recordBilan`, kept by the deadlines context
 * in `bilans`), served here as the owner of its pieces: the compte-rendu financier and the bilan qualitatif.
 */
@ObjectType('Bilan', { description: "Bilan reçu d'une action pour un exercice, avec ses pièces." })
export class BilanView {
  @Field(() => ID, { description: 'Identifiant.' })
  id: string;

  @Field(() => ID, { description: 'Action.' })
  actionId: string;

  @Field(() => Int, { description: 'Exercice du bilan.' })
  exerciseYear: number;

  @Field(() => GraphQLISODateTime, { description: 'Date de réception.' })
  receivedAt: Date;
}

/** One of the pieces a call asks for, on a dossier answering it, with the file attached to it (if any). */
@ObjectType({ description: "Pièce demandée par l'appel à projets, avec le fichier joint au dossier pour y répondre." })
export class DossierPiece {
  @Field(() => CallRequiredPiece, { description: "La pièce demandée par l'appel." })
  piece: CallRequiredPiece;

  @Field(() => Document, { nullable: true, description: 'Le fichier joint, vide tant que la pièce manque.' })
  document: Document | null;
}

const DOWNLOAD_PATH = (id: string): string => `/documents/${id}`;
const MAY_ATTACH =
  'Vrai si la personne peut joindre et supprimer des pièces ici (le droit de modifier les actions) : règle servie, à ne pas recopier.';

/** The pieces of an action's dossier, and its bilans. Whoever reads the action reads them. */
@Resolver(() => Action)
export class ActionDocumentsResolver {
  constructor(private readonly service: DocumentService) {}

  @ResolveField(() => [Document], {
    description: 'Pièces du dossier (demande CERFA 12156, statuts, RIB, budget…), des plus anciennes aux plus récentes.',
  })
  documents(@Parent() action: Action): Promise<Document[]> {
    return this.service.listOf(DocumentOwnerKind.ACTION, action.id);
  }

  @ResolveField(() => [DossierPiece], {
    description:
      "Pièces demandées par l'appel à projets auquel répond le dossier, dans l'ordre de l'appel, chacune avec son fichier (vide sans appel).",
  })
  requiredPieces(@Parent() action: Action): Promise<DossierPiece[]> {
    return this.service.requiredPiecesOf(action);
  }

  @ResolveField(() => [BilanView], { description: 'Bilans reçus, par exercice.' })
  bilans(@Parent() action: Action): Promise<BilanView[]> {
    return this.service.bilansOf(action.id);
  }

  @ResolveField(() => Boolean, { description: MAY_ATTACH })
  viewerMayAttachDocuments(): boolean {
    return this.service.mayEdit(DocumentOwnerKind.ACTION);
  }
}

/** The signed scan of a convention. Whoever reads the convention reads it. */
@Resolver(() => Convention)
export class ConventionDocumentsResolver {
  constructor(private readonly service: DocumentService) {}

  @ResolveField(() => [Document], { description: 'Pièces de la convention (exemplaire signé, mandats des signatures pour le compte de).' })
  documents(@Parent() convention: Convention): Promise<Document[]> {
    return this.service.listOf(DocumentOwnerKind.CONVENTION, convention.id);
  }

  @ResolveField(() => Boolean, { description: MAY_ATTACH })
  viewerMayAttachDocuments(): boolean {
    return this.service.mayEdit(DocumentOwnerKind.CONVENTION);
  }
}

/** A committee's pieces: the mandates of the votes recorded for organisations without an account. */
@Resolver(() => Committee)
export class CommitteeDocumentsResolver {
  constructor(private readonly service: DocumentService) {}

  @ResolveField(() => [Document], { description: 'Pièces du comité (mandats des votes enregistrés pour le compte d’une organisation).' })
  documents(@Parent() committee: Committee): Promise<Document[]> {
    return this.service.listOf(DocumentOwnerKind.COMMITTEE, committee.id);
  }

  @ResolveField(() => Boolean, {
    description: 'Vrai si la personne peut joindre et supprimer des pièces du comité (le droit de préparer les comités) : règle servie.',
  })
  viewerMayAttachDocuments(): boolean {
    return this.service.mayEdit(DocumentOwnerKind.COMMITTEE);
  }
}

/** The scanned mandate of a vote or a signature recorded « pour le compte de » an organisation. */
@Resolver(() => VoteOnBehalf)
export class VoteMandateResolver {
  constructor(private readonly service: DocumentService) {}

  @ResolveField(() => Document, { nullable: true, description: 'Le mandat (scan), une pièce du comité.' })
  mandateDocument(@Parent() onBehalf: VoteOnBehalf): Promise<Document | null> {
    return this.service.byId(onBehalf.mandateDocumentId);
  }
}

@Resolver(() => SignatureOnBehalf)
export class SignatureMandateResolver {
  constructor(private readonly service: DocumentService) {}

  @ResolveField(() => Document, { nullable: true, description: 'Le mandat (scan), une pièce de la convention.' })
  mandateDocument(@Parent() onBehalf: SignatureOnBehalf): Promise<Document | null> {
    return this.service.byId(onBehalf.mandateDocumentId);
  }
}

@Resolver(() => BilanView)
export class BilanResolver {
  constructor(private readonly service: DocumentService) {}

  @ResolveField(() => [Document], { description: 'Pièces du bilan (compte-rendu financier CERFA 15059, bilan qualitatif).' })
  documents(@Parent() bilan: BilanView): Promise<Document[]> {
    return this.service.listOf(DocumentOwnerKind.BILAN, bilan.id);
  }

  @ResolveField(() => Boolean, { description: MAY_ATTACH })
  viewerMayAttachDocuments(): boolean {
    return this.service.mayEdit(DocumentOwnerKind.BILAN);
  }
}

@Resolver(() => Document)
export class DocumentResolver {
  constructor(private readonly service: DocumentService) {}

  @ResolveField(() => String, { description: 'Adresse de téléchargement (GET, avec la session et X-Tenant).' })
  downloadPath(@Parent() document: Document): string {
    return DOWNLOAD_PATH(document.id);
  }

  @ResolveField(() => Boolean, {
    description: "Vrai si la personne peut supprimer la pièce (règle servie) : faux pour le mandat d'un vote ou d'une signature.",
  })
  viewerMayDelete(@Parent() document: Document): Promise<boolean> {
    return this.service.mayDelete(document);
  }

  @ResolveField(() => String, { nullable: true, description: 'Nom de la personne qui a déposé la pièce.' })
  async uploaderName(@Parent() document: Document): Promise<string | null> {
    return document.uploadedBy ? this.service.uploaderName(document.uploadedBy) : null;
  }
}
