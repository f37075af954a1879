/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Acceptation d'une invitation par le lien reçu : choix du premier mot de passe du compte. */
export type AcceptInvitationInput = {
  /** Mot de passe choisi (12 caractères au moins). */
  password: string;
  /** Jeton du lien d'invitation reçu par courriel (après « #jeton= »). */
  token: string;
};

/** Critères de recherche des actions, tous combinés (ET). */
export type ActionFilter = {
  /** Actions de ce contrat. */
  contratId?: string | number | null | undefined;
  /** Actions qui ont une ligne de financement sur cet exercice (du financeur `funderId` s'il est donné). */
  exerciseYear?: number | null | undefined;
  /** Actions dont le plan de financement a une ligne de ce financeur (de l'exercice `exerciseYear` s'il est donné). */
  funderId?: string | number | null | undefined;
  /** Actions de cet objectif. */
  objectiveId?: string | number | null | undefined;
  /** Actions de ce pilier. */
  pillarId?: string | number | null | undefined;
  /** Actions de ce porteur. */
  porteurId?: string | number | null | undefined;
  /** Actions qui se déroulent dans ce QPV. */
  qpvId?: string | number | null | undefined;
  /** Texte cherché dans l'intitulé ou la référence, sans tenir compte de la casse. */
  search?: string | null | undefined;
  /** Actions à l'une de ces étapes. */
  status?: Array<ActionStatus> | null | undefined;
};

/** Indicateur de suivi d'une action : un libellé, une cible chiffrée et son unité. */
export type ActionIndicatorInput = {
  /** Indicateur du catalogue du territoire que cette cible mesure (facultatif). */
  definitionId?: string | number | null | undefined;
  /** Libellé (1 à 200 caractères), unique dans la liste de l'action. */
  label: string;
  /** Cible à atteindre : un nombre positif ou nul, deux décimales au plus (40, 62.5). */
  target: number;
  /** Unité de la cible (« personnes », « % »…, 40 caractères au plus) ; vide si le libellé suffit. */
  unit?: string | null | undefined;
};

/** Étape du cycle de vie d'une action. */
export type ActionStatus =
  /** Abandonnée. */
  | 'ABANDONNEE'
  /** À arbitrer en comité des financeurs. */
  | 'A_ARBITRER'
  /** Bilan attendu. */
  | 'BILAN_ATTENDU'
  /** Brouillon : le dossier se prépare. */
  | 'BROUILLON'
  /** Conventionnée : la convention est signée de tous. */
  | 'CONVENTIONNEE'
  /** Déposée par le porteur. */
  | 'DEPOSEE'
  /** En cours de réalisation. */
  | 'EN_COURS'
  /** En instruction : avis des services et des financeurs. */
  | 'EN_INSTRUCTION'
  /** Partiellement programmée. */
  | 'PARTIELLEMENT_PROGRAMMEE'
  /** Programmée : toutes les lignes demandées accordées. */
  | 'PROGRAMMEE'
  /** Refusée. */
  | 'REFUSEE'
  /** Soldée. */
  | 'SOLDEE';

/** Ajout d'une ligne au plan de financement d'une action modifiable. */
export type AddFundingLineInput = {
  /** Action dont le plan de financement reçoit la ligne. */
  actionId: string | number;
  /** Montant demandé, en centimes (strictement positif). */
  amountRequestedCents: number;
  /** Exercice budgétaire (année), compris dans les années du contrat. */
  exerciseYear: number;
  /** Organisation financeuse (partenaire du territoire). */
  funderId: string | number;
  /** Apport en nature (locaux, mise à disposition…). */
  inKind?: boolean;
  /** Nature du financement. */
  kind: FundingKind;
  /** Promesse (engagement non ferme). */
  pledge?: boolean;
};

/** Droit accordé à une clé d'API. */
export type ApiKeyScope =
  /** Enregistrer engagements et paiements, rattacher des identifiants externes, importer des fichiers. */
  | 'FINANCE_WRITE'
  /** Lecture (requêtes), avec les règles de visibilité de la clé. */
  | 'READ';

/** Présence d'une organisation membre à la séance d'un comité. */
export type AttendanceStatus =
  /** Excusée. */
  | 'EXCUSE'
  /** Présente. */
  | 'PRESENT'
  /** Représentée (le nom du représentant est noté). */
  | 'REPRESENTE';

/** Sens d'un avis d'instruction. */
export type AvisOpinion =
  /** Avis défavorable (commentaire obligatoire). */
  | 'DEFAVORABLE'
  /** Avis favorable. */
  | 'FAVORABLE'
  /** Avis réservé (commentaire obligatoire). */
  | 'RESERVE';

/** Réalisé d’une ligne du budget prévisionnel. */
export type BilanBudgetLineInput = {
  /** Ligne du budget prévisionnel. */
  budgetLineId: string | number;
  /** Explication de l'écart (2 000 caractères au plus). */
  explanation?: string | null | undefined;
  /** Réalisé, en centimes. */
  realisedCents: number;
};

/** Part réalisée d'un financeur. */
export type BilanFunderShareInput = {
  /** Explication de l'écart (2 000 caractères au plus). */
  explanation?: string | null | undefined;
  /** Ligne de financement. */
  fundingLineId: string | number;
  /** Réalisé, en centimes. */
  realisedCents: number;
};

/** Valeur réalisée d'un indicateur de l'action. */
export type BilanIndicatorValueInput = {
  /** Indicateur de l'action. */
  actionIndicatorId: string | number;
  /** Valeur (positive ou nulle, deux décimales au plus). */
  value: number;
};

/** Le bilan d'une action pour un exercice. */
export type BilanRefInput = {
  /** Action. */
  actionId: string | number;
  /** Exercice. */
  exerciseYear: number;
};

/** État du bilan d'une action pour un exercice. */
export type BilanStatus =
  /** Accepté : l’échéance du bilan est tenue et ses chiffres comptent dans les tableaux de bord. */
  | 'ACCEPTED'
  /** Corrections demandées : le porteur le reprend puis le dépose à nouveau. */
  | 'CORRECTIONS_REQUESTED'
  /** Brouillon : le porteur le remplit. */
  | 'DRAFT'
  /** Déposé : en attente de la relecture du chef de projet ; il ne change plus. */
  | 'SUBMITTED';

/** Ligne du budget prévisionnel (CERFA 12156) : un côté, un compte, un libellé, un montant. */
export type BudgetLineInput = {
  /** Compte : « 60 » à « 68 » ou « 86 » pour une charge, « 70 » à « 78 » ou « 87 » pour un produit. */
  account: string;
  /** Libellé (200 caractères au plus). */
  label?: string | null | undefined;
  /** Montant prévu, en centimes (positif ou nul). */
  plannedCents: number;
  /** Charge ou produit. */
  side: BudgetSide;
};

/** Côté du budget prévisionnel. */
export type BudgetSide =
  /** Charges (comptes 60 à 68, 86). */
  | 'CHARGE'
  /** Produits (comptes 70 à 78, 87). */
  | 'PRODUIT';

/** Un financeur qui participe à l'appel, avec son enveloppe indicative. */
export type CallFunderInput = {
  /** Enveloppe indicative, en centimes. */
  envelopeCents: number;
  /** Note interne (jamais publiée), 2000 caractères au plus. */
  internalNote?: string | null | undefined;
  /** Organisation financeuse (partenaire du territoire). */
  organisationId: string | number;
};

/** Une pièce demandée à chaque dossier. */
export type CallPieceInput = {
  /** Précisions (2000 caractères au plus). */
  description?: string | null | undefined;
  /** Libellé (1 à 200 caractères). */
  label: string;
  /** Obligatoire pour déposer le dossier. */
  mandatory: boolean;
};

/** État d'un appel à projets. */
export type CallStatus =
  /** Annulé : retiré de la page publique, sans suite. */
  | 'ANNULE'
  /** Brouillon : visible des seuls agents du territoire. */
  | 'BROUILLON'
  /** Clos : plus aucun dépôt ; ses dossiers sont instruits. */
  | 'CLOTURE'
  /** Publié : sa page est publique ; ouvert aux dépôts entre sa date d’ouverture et sa clôture. */
  | 'PUBLIE';

/** Vote d'un financeur sur sa ligne d'une action inscrite. */
export type CastVoteInput = {
  /** Point de l'ordre du jour. */
  agendaItemId: string | number;
  /** Montant accordé, en centimes (obligatoire pour GRANT, interdit sinon). */
  amountCents?: number | null | undefined;
  /** Commentaire. */
  comment?: string | null | undefined;
  /** Accorder, refuser ou s’abstenir. */
  decision: VoteDecision;
  /** Ligne de financement de l'action, dont le financeur est l'organisation du votant. */
  fundingLineId: string | number;
  /** Clé d'idempotence : un nouvel envoi avec la même clé et le même contenu renvoie le même vote sans nouvelle écriture ; la même clé avec un autre contenu, ou dont le vote a été remplacé depuis par un vote ultérieur, répond CONFLICT. */
  idempotencyKey?: string | null | undefined;
};

/** Vote d'un financeur sans compte, enregistré pour son compte sur son mandat : la ligne dit l'organisation représentée, les règles sont celles de son vote. */
export type CastVoteOnBehalfInput = {
  /** Point de l'ordre du jour. */
  agendaItemId: string | number;
  /** Montant accordé, en centimes (obligatoire pour GRANT, interdit sinon). */
  amountCents?: number | null | undefined;
  /** Commentaire. */
  comment?: string | null | undefined;
  /** Accorder, refuser ou s’abstenir. */
  decision: VoteDecision;
  /** Ligne de financement de l'action, dont le financeur est l'organisation du votant. */
  fundingLineId: string | number;
  /** Clé d'idempotence : un nouvel envoi avec la même clé et le même contenu renvoie le même vote sans nouvelle écriture ; la même clé avec un autre contenu, ou dont le vote a été remplacé depuis par un vote ultérieur, répond CONFLICT. */
  idempotencyKey?: string | null | undefined;
  /** Auteur du mandat, à l'organisation représentée (« Mme Claire Martin, directrice ») ; obligatoire. */
  mandateAuthor?: string | null | undefined;
  /** Le mandat (scan) : une pièce de type MANDAT de ce comité (POST /documents/mandates/committees/:id) ; obligatoire. */
  mandateDocumentId?: string | number | null | undefined;
};

/** Changement du rôle d'un membre. */
export type ChangeMemberRoleInput = {
  /** Appartenance à modifier. */
  membershipId: string | number;
  /** Organisation représentée (représentant de financeur). */
  organisationId?: string | number | null | undefined;
  /** Rôle attribué. */
  role: Role;
};

/** Changement de mot de passe. */
export type ChangePasswordInput = {
  /** Mot de passe actuel. */
  currentPassword: string;
  /** Nouveau mot de passe (12 caractères au moins). */
  newPassword: string;
};

/** Une date et une heure telles que le territoire les lit, dans son fuseau (Europe/Paris). */
export type CivilDateTimeInput = {
  /** Date (AAAA-MM-JJ). */
  date: string;
  /** Heure (HH:MM, sur 24 heures). */
  time: string;
};

/** Nature du comité. */
export type CommitteeKind =
  /** Comité des financeurs : chaque financeur décide de sa ligne des actions inscrites. */
  | 'COMITE_DES_FINANCEURS'
  /** Comité de pilotage : orientations, relevé de décisions. */
  | 'COMITE_DE_PILOTAGE'
  /** Comité technique : instruction des dossiers. */
  | 'COMITE_TECHNIQUE';

/** Organisation membre d'un comité. */
export type CommitteeMemberInput = {
  /** Organisation. */
  organisationId: string | number;
  /** Vrai si l'organisation a voix délibérative (à préciser pour chaque membre : être membre ne la donne pas). */
  voting: boolean;
};

/** Étape d'un comité. */
export type CommitteeStatus =
  /** Clos : les décisions sont prises. */
  | 'CLOS'
  /** Clos sans quorum : rien n'est décidé, les actions retournent dans la file à arbitrer. */
  | 'CLOS_SANS_QUORUM'
  /** Planifié : membres, ordre du jour et quorum modifiables. */
  | 'PLANIFIE'
  /** Vote ouvert : membres, ordre du jour et quorum figés. */
  | 'VOTE_OUVERT';

/** Confirmation d'une inscription par le lien reçu. */
export type CompletePorteurSignupInput = {
  /** Le mot de passe choisi (12 caractères au moins), ou le mot de passe actuel si l’adresse a déjà un compte. */
  password: string;
  /** Le jeton du lien (après « #jeton= »). */
  token: string;
};

/** État du contrat de ville. */
export type ContratStatus =
  /** Clos. */
  | 'CLOS'
  /** En cours d’exécution. */
  | 'EN_COURS'
  /** En préparation : structure et partenaires se définissent. */
  | 'EN_PREPARATION'
  /** Signé par ses signataires. */
  | 'SIGNE';

/** Critères de recherche des conventions, tous combinés (ET). */
export type ConventionFilter = {
  /** Ne garder que la convention de cette action. */
  actionId?: string | number | null | undefined;
  /** Vrai : seulement les conventions que l'organisation de votre adhésion doit encore signer (version en vigueur) ; faux : toutes les autres. */
  awaitingMySignature?: boolean | null | undefined;
  /** Conventions des actions de ce contrat de ville. */
  contratId?: string | number | null | undefined;
  /** Conventions des actions qui ont une ligne accordée sur cet exercice (du financeur `funderId` s'il est donné). */
  exerciseYear?: number | null | undefined;
  /** Conventions des actions dont ce financeur a une ligne accordée (de l'exercice `exerciseYear` s'il est donné). */
  funderId?: string | number | null | undefined;
  /** Texte cherché dans l'intitulé ou la référence de l'action, ou dans le nom de son porteur, sans tenir compte de la casse. */
  search?: string | null | undefined;
  /** Conventions dans l'un de ces états. */
  status?: Array<ConventionStatus> | null | undefined;
};

/** État d'une convention de financement. */
export type ConventionStatus =
  /** Annulée. */
  | 'ANNULEE'
  /** Brouillon : aucune signature encore. */
  | 'BROUILLON'
  /** En signature : au moins un signataire a signé la version en vigueur. */
  | 'EN_SIGNATURE'
  /** Signée par tous les signataires de la version en vigueur. */
  | 'SIGNEE';

/** Création d'une action (fiche action), au statut brouillon. */
export type CreateActionInput = {
  /** Contrat de ville. */
  contratId: string | number;
  /** Description (10000 caractères au plus). */
  description?: string | null | undefined;
  /** Date de fin (AAAA-MM-JJ), postérieure ou égale au début, dans les années du contrat. */
  endDate: string;
  /** Plan de financement initial (facultatif). */
  fundingLines?: Array<FundingLineInput> | null | undefined;
  /** Indicateurs de suivi des objectifs, dans l'ordre (20 au plus, facultatifs). */
  indicators?: Array<ActionIndicatorInput> | null | undefined;
  /** Objectif opérationnel, numéroté sous le pilier (facultatif). */
  objectiveId?: string | number | null | undefined;
  /** Pilier (ou axe transversal) du contrat. */
  pillarId: string | number;
  /** Organisation qui porte l'action. */
  porteurId: string | number;
  /** QPV où l'action se déroule (1 à 30, sans doublon). */
  qpvIds: Array<string | number>;
  /** Date de début (AAAA-MM-JJ), dans les années du contrat. */
  startDate: string;
  /** Intitulé (1 à 300 caractères). */
  title: string;
  /** Budget total de l'action, en centimes (strictement positif). */
  totalBudgetCents: number;
};

/** Création d'une clé d'API pour un compte de service. */
export type CreateApiKeyInput = {
  /** Nom du compte de service (1 à 100 caractères), repris dans le journal d’audit à chaque usage. */
  name: string;
  /** Financeur au nom duquel la clé agit : elle ne verra et n'écrira que ce qui le concerne. */
  organisationId?: string | number | null | undefined;
  /** Droits (au moins un). */
  scopes: Array<ApiKeyScope>;
};

/** Création d'un appel à projets (brouillon). */
export type CreateCallInput = {
  /** Clôture des dépôts (null : pas encore fixée). */
  closesAt?: CivilDateTimeInput | null | undefined;
  /** Date du comité (AAAA-MM-JJ). */
  committeeDate?: string | null | undefined;
  /** Contrat de ville. */
  contratId: string | number;
  /** Texte de l'appel (contexte, priorités, critères), sur plusieurs lignes. */
  description?: string | null | undefined;
  /** Natures de structures éligibles (vide : toutes). */
  eligibleKinds?: Array<OrganisationKind> | null | undefined;
  /** Exercice (année) financé. */
  exercise: number;
  /** Financeurs participants et leurs enveloppes indicatives. */
  funders?: Array<CallFunderInput> | null | undefined;
  /** Date limite de l'instruction (AAAA-MM-JJ). */
  instructionDueDate?: string | null | undefined;
  /** Objectifs visés (sous les piliers du contrat). */
  objectiveIds?: Array<string | number> | null | undefined;
  /** Ouverture des dépôts (null : pas encore fixée). */
  opensAt?: CivilDateTimeInput | null | undefined;
  /** Piliers (ou axes transversaux) du contrat visés. */
  pillarIds?: Array<string | number> | null | undefined;
  /** Quartiers prioritaires visés (parmi ceux du contrat). */
  qpvIds?: Array<string | number> | null | undefined;
  /** Intitulé (1 à 200 caractères). */
  title: string;
};

/** Création d'un dossier en réponse à un appel à projets ouvert, au nom de l'organisation que je représente. */
export type CreateDossierInput = {
  /** Appel à projets publié et ouvert. */
  callId: string | number;
  /** Pilier du contrat de l'appel ; le premier du contrat s'il est omis. */
  pillarId?: string | number | null | undefined;
  /** Intitulé de l'action (1 à 300 caractères). */
  title: string;
};

/** Un indicateur ajouté au catalogue du territoire. */
export type CreateIndicatorDefinitionInput = {
  /** Règle d'agrégation. */
  aggregation: IndicatorAggregation;
  /** Code stable : une majuscule puis majuscules, chiffres ou « _ » (2 à 40 caractères), unique dans le territoire. */
  code: string;
  /** Libellé (1 à 200 caractères). */
  label: string;
  /** Pilier ou thème (facultatif, 200 caractères au plus). */
  pillar?: string | null | undefined;
  /** Unité (40 caractères au plus). */
  unit?: string | null | undefined;
  /** Indicateur de pondération : obligatoire pour une moyenne pondérée, seulement pour elle. */
  weightDefinitionId?: string | number | null | undefined;
};

/** Création d'un partenaire (financeur ou porteur). */
export type CreateOrganisationInput = {
  /** Titulaire de l'agrément ESUS. */
  esus?: boolean;
  /** Nature du partenaire. */
  kind: OrganisationKind;
  /** Raison sociale ou nom usuel (1 à 200 caractères). */
  name: string;
  /** SIRET (14 chiffres ; les espaces sont ignorés). */
  siret?: string | null | undefined;
};

/** Critères de recherche des échéances (facultatifs, combinés par ET). */
export type DeadlineFilter = {
  /** Échéances de cette action (son bilan, sa convention, ses versements). */
  actionId?: string | number | null | undefined;
  /** Échéances de ce comité (gel de l'ordre du jour, vote). */
  committeeId?: string | number | null | undefined;
  /** Échéances de ce contrat : les siennes (comités, fin du contrat) et celles de ses actions (bilans, conventions, versements). */
  contratId?: string | number | null | undefined;
  /** Date au plus tôt (AAAA-MM-JJ, incluse). */
  from?: string | null | undefined;
  /** Inclure les échéances annulées (objet disparu). */
  includeCancelled?: boolean;
  /** Natures retenues. */
  kinds?: Array<DeadlineKind> | null | undefined;
  /** États retenus (au jour présent). */
  states?: Array<DeadlineState> | null | undefined;
  /** Date au plus tard (AAAA-MM-JJ, incluse). */
  to?: string | null | undefined;
  /** Échéances dont cette personne répond. */
  userId?: string | number | null | undefined;
};

/** Nature d'une échéance. */
export type DeadlineKind =
  /** Gel de l'ordre du jour d'un comité des financeurs (15 jours avant la séance par défaut). */
  | 'AGENDA_FREEZE'
  /** Bilan d'une action financée, par exercice (six mois après la fin de l'exercice, sauf date prévue par la convention). */
  | 'BILAN'
  /** Clôture des dépôts d'un appel à projets publié (tenue quand l'appel est clos). */
  | 'CALL_CLOSING'
  /** Comité qui décide des dossiers d'un appel à projets. */
  | 'CALL_COMMITTEE'
  /** Fin de l'instruction des dossiers d'un appel à projets. */
  | 'CALL_INSTRUCTION'
  /** Vote d'un comité des financeurs (le jour de la séance). */
  | 'COMMITTEE_VOTE'
  /** Réponse du porteur à une demande de compléments sur son dossier (la date limite fixée par l'instructeur). */
  | 'COMPLEMENTS'
  /** Fin du contrat de ville. */
  | 'CONTRAT_END'
  /** Signature de la convention par tous (60 jours après la décision, ou après l’avenant, par défaut). */
  | 'CONVENTION_SIGNATURE'
  /** Versement d'une tranche par un financeur (avance après la signature, solde après le bilan). */
  | 'PAYMENT_TRANCHE';

/** État d'une échéance au jour présent. */
export type DeadlineState =
  /** À échéance : dans les 7 jours, ou aujourd’hui. */
  | 'DUE'
  /** Tenue (bilan reçu, convention signée, comité tenu, ou marquée tenue). */
  | 'MET'
  /** En retard : la date est passée. */
  | 'OVERDUE'
  /** À venir : plus de 7 jours avant la date. */
  | 'UPCOMING';

/** Origine d'une décision sur une ligne de financement. */
export type DecisionKind =
  /** Abstention en comité (montant décidé nul). */
  | 'ABSTAIN'
  /** Correction d’une décision antérieure. */
  | 'CORRECTION'
  /** Montant accordé en comité. */
  | 'GRANT'
  /** Aucun vote à la clôture (montant décidé nul). */
  | 'NO_VOTE'
  /** Refus en comité. */
  | 'REFUSE';

/** État d'un envoi webhook. */
export type DeliveryState =
  /** Abandonné après toutes les tentatives ; peut être rejoué. */
  | 'FAILED'
  /** À envoyer ou en cours de nouvelles tentatives. */
  | 'PENDING'
  /** Reçu (réponse 2xx). */
  | 'SUCCEEDED';

/** Type d'une pièce. */
export type DocumentKind =
  /** Autre pièce. */
  | 'AUTRE'
  /** Bilan qualitatif de l'action. */
  | 'BILAN_QUALITATIF'
  /** Budget prévisionnel de l'action. */
  | 'BUDGET_PREVISIONNEL'
  /** Compte-rendu financier (CERFA 15059). */
  | 'COMPTE_RENDU_FINANCIER_CERFA_15059'
  /** Exemplaire signé de la convention (scan). */
  | 'CONVENTION_SIGNEE'
  /** Demande de subvention (CERFA 12156). */
  | 'DEMANDE_SUBVENTION_CERFA_12156'
  /** Mandat (scan) d'une organisation sans compte, pour un vote ou une signature enregistré pour son compte. */
  | 'MANDAT'
  /** Relevé d'identité bancaire. */
  | 'RIB'
  /** Statuts de l'association. */
  | 'STATUTS';

/** Partie d'un dossier de demande de subvention (CERFA 12156), telle qu'une demande de compléments la rouvre. */
export type DossierField =
  /** Budget prévisionnel. */
  | 'BUDGET'
  /** Dates. */
  | 'DATES'
  /** Description de l'action. */
  | 'DESCRIPTION'
  /** Plan de financement. */
  | 'FUNDING'
  /** Indicateurs. */
  | 'INDICATORS'
  /** Objectifs. */
  | 'OBJECTIVES'
  /** Pilier du contrat. */
  | 'PILLAR'
  /** Quartiers prioritaires (QPV). */
  | 'QPVS'
  /** Représentant (nom et fonction). */
  | 'REPRESENTATIVE'
  /** Public visé. */
  | 'TARGET_PUBLIC'
  /** Intitulé. */
  | 'TITLE';

/** Subvention demandée à un financeur (plan de financement du dossier), pour l’exercice de l’appel. */
export type DossierFundingLineInput = {
  /** Montant demandé, en centimes (strictement positif). */
  amountRequestedCents: number;
  /** Financeur (partenaire du territoire). */
  funderId: string | number;
  /** Nature du financement. */
  kind: FundingKind;
};

/** Colonne de l’export financier (CSV). */
export type FinanceExportColumn =
  /** Référence de l’action (PIL-…). */
  | 'ACTION_REFERENCE'
  /** Statut de l’action. */
  | 'ACTION_STATUS'
  /** Intitulé de l’action. */
  | 'ACTION_TITLE'
  /** Montant décidé, en euros (vide si non décidé). */
  | 'AMOUNT_DECIDED'
  /** Montant demandé, en euros (décimale à la française : 1234,56). */
  | 'AMOUNT_REQUESTED'
  /** Date de la décision (AAAA-MM-JJ). */
  | 'DECIDED_AT'
  /** Exercice budgétaire. */
  | 'EXERCISE_YEAR'
  /** Nom du financeur. */
  | 'FUNDER'
  /** Nature du financement. */
  | 'FUNDING_KIND'
  /** Contribution en nature (oui/non). */
  | 'IN_KIND'
  /** Pilier du contrat. */
  | 'PILLAR'
  /** Promesse de financement (oui/non). */
  | 'PLEDGE'
  /** Nom du porteur. */
  | 'PORTEUR'
  /** SIRET du porteur. */
  | 'PORTEUR_SIRET'
  /** Codes des QPV de l’action, séparés par des virgules. */
  | 'QPV_CODES';

/** Nature du financement. */
export type FundingKind =
  /** Autre financement. */
  | 'AUTRE'
  /** Crédits spécifiques de la politique de la ville (programme 147). */
  | 'CREDITS_SPECIFIQUES_P147'
  /** Droit commun (ministères, collectivités, organismes). */
  | 'DROIT_COMMUN'
  /** Fonds européen de développement régional. */
  | 'FEDER'
  /** Fonds social européen. */
  | 'FSE';

/** Ligne d'un plan de financement : un financeur, une nature, un exercice, un montant demandé. */
export type FundingLineInput = {
  /** Montant demandé, en centimes (strictement positif). */
  amountRequestedCents: number;
  /** Exercice budgétaire (année), compris dans les années du contrat. */
  exerciseYear: number;
  /** Organisation financeuse (partenaire du territoire). */
  funderId: string | number;
  /** Apport en nature (locaux, mise à disposition…). */
  inKind?: boolean;
  /** Nature du financement. */
  kind: FundingKind;
  /** Promesse (engagement non ferme). */
  pledge?: boolean;
};

/** Un avis d'instruction sur une action. */
export type GiveAvisInput = {
  /** Action en instruction. */
  actionId: string | number;
  /** Commentaire (5 000 caractères au plus ; obligatoire pour un avis réservé ou défavorable). */
  comment?: string | null | undefined;
  /** Sens de l'avis. */
  opinion: AvisOpinion;
};

/** Import des contours officiels des QPV (fichier GeoJSON). */
export type ImportQpvContoursInput = {
  /** Vrai pour seulement vérifier le fichier et compter, sans rien enregistrer. */
  dryRun?: boolean | null | undefined;
  /** Contenu du fichier GeoJSON (FeatureCollection en WGS84, 8 Mo et 2 000 quartiers au plus), tel que publié pour la géographie prioritaire de 2024 (propriétés code_qp, lib_qp) ou de 2015 (CODE_QP, NOM_QP). Polygon ou MultiPolygon, anneaux fermés, 20 000 sommets au plus par quartier. Les quartiers des autres territoires sont ignorés. */
  geojson: string;
};

/** Import de la liste officielle des QPV (fichier CSV). */
export type ImportQpvsInput = {
  /** Contenu du fichier CSV (5 Mo et 20 000 lignes au plus), séparateur « ; » ou « , », avec une ligne d'en-tête : code (code_qp, code_qpv, code…), nom (lib_qp, nom_qp, nom, libelle…), communes (insee_com, code_insee, communes…). Les lignes des quartiers hors du territoire sont ignorées ; plusieurs lignes du même code sont réunies. */
  csv: string;
  /** Vrai pour seulement vérifier le fichier et compter, sans rien enregistrer. */
  dryRun?: boolean | null | undefined;
};

/** Règle d'agrégation d'un indicateur du catalogue sur plusieurs actions. */
export type IndicatorAggregation =
  /** Moyenne simple des actions. */
  | 'AVERAGE'
  /** Pas d'agrégation : la valeur n'a de sens qu'action par action. */
  | 'NONE'
  /** Somme (bénéficiaires, heures, emplois…). */
  | 'SUM'
  /** Moyenne pondérée par un autre indicateur (un taux pondéré par le nombre de bénéficiaires de chaque action). */
  | 'WEIGHTED_AVERAGE';

/** Regroupement des indicateurs. */
export type IndicatorGroupDimension =
  /** Par objectif. */
  | 'OBJECTIVE'
  /** Par pilier. */
  | 'PILLAR'
  /** Par QPV. */
  | 'QPV';

/** État d'une invitation. */
export type InvitationStatus =
  /** Acceptée : la personne est membre. */
  | 'ACCEPTED'
  /** Annulée par un administrateur du territoire. */
  | 'CANCELLED'
  /** Refusée par la personne. */
  | 'DECLINED'
  /** Envoyée, en attente de la réponse de la personne. */
  | 'PENDING';

/** Invitation d'une personne dans le territoire. */
export type InviteMemberInput = {
  /** Nom affiché (utilisé si la personne est nouvelle). */
  displayName: string;
  /** Adresse e-mail de la personne. */
  email: string;
  /** Organisation représentée : obligatoire pour un représentant de financeur. */
  organisationId?: string | number | null | undefined;
  /** Rôle attribué. */
  role: Role;
};

/** Invitation d'un collègue dans l'espace de mon organisation. */
export type InvitePorteurColleagueInput = {
  /** Son nom affiché (utilisé si la personne est nouvelle). */
  displayName: string;
  /** Adresse e-mail du collègue. */
  email: string;
};

/** Identité déclarée d'une organisation par ses représentants : seuls les champs fournis changent ; null ou vide efface un champ facultatif. Le SIRET, une fois renseigné, ne change plus (SIRET_LOCKED). */
export type OrganisationIdentityInput = {
  /** Adresse : numéro et voie. */
  addressLine?: string | null | undefined;
  /** Commune. */
  city?: string | null | undefined;
  /** Adresse e-mail de contact. */
  contactEmail?: string | null | undefined;
  /** Téléphone de contact (10 chiffres, ou +33…). */
  contactPhone?: string | null | undefined;
  /** Agrément ESUS (entreprise solidaire d'utilité sociale). */
  esus?: boolean | null | undefined;
  /** Conventionnement IAE (insertion par l'activité économique). */
  iae?: boolean | null | undefined;
  /** Nature (une nature de porteur : association, SCOP…). */
  kind?: OrganisationKind | null | undefined;
  /** Forme juridique : code INSEE de la liste `legalForms`. */
  legalForm?: string | null | undefined;
  /** Raison sociale ou nom usuel (1 à 200 caractères). */
  name?: string | null | undefined;
  /** Code postal (5 chiffres). */
  postalCode?: string | null | undefined;
  /** Membre d'un pôle territorial de coopération économique (PTCE). */
  ptce?: boolean | null | undefined;
  /** Numéro RNA (W suivi de 9 chiffres). */
  rna?: string | null | undefined;
  /** Type de SIAE (avec le conventionnement IAE). */
  siaeType?: SiaeType | null | undefined;
  /** SIRET (14 chiffres, clé de contrôle vérifiée) ; ne se renseigne qu’une fois. */
  siret?: string | null | undefined;
};

/** Nature du partenaire. */
export type OrganisationKind =
  /** Agence régionale de santé. */
  | 'ARS'
  /** Association. */
  | 'ASSOCIATION'
  /** Autre. */
  | 'AUTRE'
  /** Bailleur social. */
  | 'BAILLEUR_SOCIAL'
  /** Banque des Territoires (Caisse des Dépôts). */
  | 'BANQUE_DES_TERRITOIRES'
  /** Coopérative d'activité et d'emploi. */
  | 'CAE'
  /** Caisse d'allocations familiales. */
  | 'CAF'
  /** Commune. */
  | 'COMMUNE'
  /** Département. */
  | 'DEPARTEMENT'
  /** Entreprise. */
  | 'ENTREPRISE'
  /** Intercommunalité (EPCI ou EPT). */
  | 'EPCI'
  /** État (préfecture, ministères). */
  | 'ETAT'
  /** Fondation. */
  | 'FONDATION'
  /** France Travail. */
  | 'FRANCE_TRAVAIL'
  /** Régie de quartier. */
  | 'REGIE_DE_QUARTIER'
  /** Région. */
  | 'REGION'
  /** Société coopérative d'intérêt collectif. */
  | 'SCIC'
  /** Société coopérative et participative. */
  | 'SCOP'
  /** Structure d'insertion par l'activité économique (ACI, EI, AI…). */
  | 'SIAE'
  /** Union européenne (FEDER, FSE…). */
  | 'UNION_EUROPEENNE';

/** Tranche d'un échéancier : une part du montant, versée à une date, sous une condition, ou les deux. */
export type PaymentTrancheInput = {
  /** Condition de versement (300 caractères au plus). */
  condition?: string | null | undefined;
  /** Date de versement (AAAA-MM-JJ). */
  dueDate?: string | null | undefined;
  /** Part du montant du financeur, de 1 à 100 %. */
  percent: number;
};

/** Ce qu'une opération exige ; un rôle en accorde un ensemble (la matrice des rôles de l'API). */
export type Permission =
  /** Exporter les crédits spécifiques d'un comité pour Dauphin (plateforme des subventions de l'État). */
  | 'EXPORT_DAUPHIN'
  /** Saisir et déposer le bilan d'une action (le porteur : ses propres actions). */
  | 'FILE_BILAN'
  /** Déposer un dossier de demande de subvention (CERFA 12156) pour l'organisation représentée, en réponse à un appel à projets ; répondre aux demandes de compléments. */
  | 'FILE_DOSSIER'
  /** Donner un avis sur un dossier en instruction. */
  | 'GIVE_AVIS'
  /** Créer et modifier les actions, leur plan de financement et leurs étapes. */
  | 'MANAGE_ACTIONS'
  /** Rédiger, publier, clore et annuler les appels à projets ; lire leurs brouillons. */
  | 'MANAGE_CALLS'
  /** Préparer, ouvrir et clore les comités ; enveloppes ; corrections de décisions. */
  | 'MANAGE_COMMITTEES'
  /** Gérer la structure du contrat : contrat, piliers, objectifs, QPV. */
  | 'MANAGE_CONTRAT'
  /** Gérer les clés d'API et les abonnements webhook. */
  | 'MANAGE_INTEGRATIONS'
  /** Gérer les membres et leurs rôles. */
  | 'MANAGE_MEMBERS'
  /** Gérer sa propre organisation (porteur) : identité (SIRET verrouillé une fois renseigné), collègues et leurs invitations. */
  | 'MANAGE_OWN_ORGANISATION'
  /** Gérer les organisations partenaires. */
  | 'MANAGE_PARTNERS'
  /** Lire le contrat, les partenaires, les QPV et les actions (un rôle lié à une organisation ne voit que ce qui la concerne). */
  | 'READ'
  /** Lire le journal d'audit. */
  | 'READ_AUDIT'
  /** Lire les chiffres de tout le territoire (tableaux de bord). */
  | 'READ_TENANT_FIGURES'
  /** Enregistrer engagements et paiements, importer des fichiers financiers. */
  | 'RECORD_FINANCE'
  /** Enregistrer sur mandat le vote ou la signature d'une organisation sans compte (« pour le compte de ») ; le délégué du préfet : pour l'État seulement. */
  | 'RECORD_ON_BEHALF'
  /** Signer les conventions pour l'organisation représentée. */
  | 'SIGN'
  /** Voter pour l'organisation représentée, sur ses propres lignes. */
  | 'VOTE';

/** Pilier du contrat ou axe transversal. */
export type PillarKind =
  /** Axe transversal : jeunesse, égalité femmes-hommes, transition écologique… */
  | 'AXE_TRANSVERSAL'
  /** Pilier : cohésion sociale, cadre de vie, développement économique et emploi. */
  | 'PILIER';

/** Génération de la géographie prioritaire. */
export type QpvGeneration =
  /** Géographie de 2015 (codes QP…). */
  | 'G2015'
  /** Géographie de 2024, décret 2023-1314 (codes QN…). */
  | 'G2024';

/** Une étape de relance. */
export type ReminderStepInput = {
  /** Escalade : la relance va au chef de projet et au délégué du préfet plutôt qu’aux responsables. */
  escalation: boolean;
  /** Jours par rapport à l'échéance : négatif avant (−30 = J-30), 0 le jour même, positif après. */
  offsetDays: number;
};

/** Nature d’un rapport. */
export type ReportKind =
  /** Procès-verbal d’un comité clos (PDF) : membres, quorum, décisions de chaque financeur, totaux. */
  | 'COMMITTEE_MINUTES'
  /** Export financier (CSV, UTF-8 avec BOM, séparateur « ; ») des lignes de financement, colonnes au choix. Interdit aux rôles liés à une organisation. */
  | 'FINANCE_EXPORT'
  /** Compte rendu financier d’une action pour un financeur, dans l’esprit du CERFA 15059 (PDF). */
  | 'FINANCIAL_SUMMARY'
  /** Classeur annuel de programmation (XLSX) d’un contrat et d’un exercice : actions, lignes par financeur, totaux. Interdit aux rôles liés à une organisation. */
  | 'PROGRAMMING_WORKBOOK';

/** État de la génération d’un rapport. */
export type ReportState =
  /** Prêt : téléchargeable par son demandeur. */
  | 'DONE'
  /** Expiré : sa durée de conservation est passée et son fichier a été supprimé (expiredAt). Demandez-en un nouveau. */
  | 'EXPIRED'
  /** Échec définitif, motif dans failureReason. */
  | 'FAILED'
  /** En file d’attente. */
  | 'QUEUED'
  /** En cours de génération. */
  | 'RUNNING';

/** Demande de corrections sur un bilan déposé. */
export type RequestBilanCorrectionsInput = {
  /** Action. */
  actionId: string | number;
  /** Exercice. */
  exerciseYear: number;
  /** Ce qui est à corriger (1 à 2 000 caractères). */
  message: string;
};

/** Demande de compléments sur un dossier déposé. */
export type RequestComplementsInput = {
  /** Dossier (action) déposé. */
  actionId: string | number;
  /** Date limite de réponse (AAAA-MM-JJ), aujourd’hui ou plus tard. */
  dueDate: string;
  /** Parties du dossier rouvertes. */
  fields: Array<DossierField>;
  /** Message au porteur. */
  message: string;
  /** Pièces demandées par l'appel rouvertes. */
  pieceIds: Array<string | number>;
};

/** Demande de réinitialisation du mot de passe. */
export type RequestPasswordResetInput = {
  /** Adresse e-mail du compte. */
  email: string;
};

/** Demande d'inscription d'un porteur de projets sur un territoire (formulaire public). */
export type RequestPorteurSignupInput = {
  /** L'appel à projets d'où vient la personne (`?appel=`), pour l'y ramener. */
  callId?: string | number | null | undefined;
  /** J'accepte les conditions d'utilisation et le traitement de mes données (obligatoire). */
  consent: boolean;
  /** Vos prénom et nom. */
  displayName: string;
  /** Votre adresse e-mail : le lien de confirmation y est envoyé. */
  email: string;
  /** Nature de l'organisation (association, SCOP, régie de quartier…). */
  organisationKind: OrganisationKind;
  /** Nom de l'organisation (raison sociale ou nom usuel). */
  organisationName: string;
  /** SIRET de l'organisation (14 chiffres, clé de contrôle vérifiée). */
  siret: string;
  /** SIREN du territoire (l'intercommunalité, 9 chiffres). */
  territorySiren: string;
};

/** Demande de rapport : sa nature et les paramètres de cette nature (les autres restent vides). */
export type RequestReportInput = {
  /** Compte rendu financier : l’action. */
  actionId?: string | number | null | undefined;
  /** Export financier : les colonnes, dans l’ordre voulu (au moins une, sans doublon). */
  columns?: Array<FinanceExportColumn> | null | undefined;
  /** Procès-verbal : le comité (clos). */
  committeeId?: string | number | null | undefined;
  /** Classeur de programmation (obligatoire) ou export financier (facultatif) : le contrat de ville. */
  contratId?: string | number | null | undefined;
  /** Classeur de programmation (obligatoire) ou export financier (facultatif) : l’exercice budgétaire (année). */
  exerciseYear?: number | null | undefined;
  /** Compte rendu financier : le financeur (son organisation, pour un représentant de financeur). */
  funderId?: string | number | null | undefined;
  /** Nature du rapport. */
  kind: ReportKind;
};

/** Nouveau mot de passe choisi avec le lien reçu par courriel. */
export type ResetPasswordInput = {
  /** Nouveau mot de passe (12 caractères au moins). */
  password: string;
  /** Le jeton du lien (après « #jeton= »). */
  token: string;
};

/** Rôle d'un membre dans un territoire. */
export type Role =
  /** Auditeur : lecture seule, journal d’audit compris. */
  | 'AUDITOR'
  /** Chef de projet de l'EPCI : actions, instruction, comités. */
  | 'CHEF_DE_PROJET'
  /** Délégué du préfet : lit tout le territoire, représente l’État. */
  | 'DELEGUE_PREFET'
  /** Représentant d'un financeur : voit les actions qu'on lui demande de financer. */
  | 'FUNDER_REPRESENTATIVE'
  /** Représentant d'un porteur de projet : signe les conventions de son organisation et ne voit que celles-ci. */
  | 'PORTEUR_REPRESENTATIVE'
  /** Administrateur de l'intercommunalité : membres, partenaires, structure du contrat. */
  | 'TENANT_ADMIN';

/** Brouillon du bilan d'une action pour un exercice : ce qui est donné remplace ce qui était saisi. */
export type SaveBilanDraftInput = {
  /** Action. */
  actionId: string | number;
  /** Réalisé du budget, ligne par ligne. */
  budgetLines?: Array<BilanBudgetLineInput> | null | undefined;
  /** Exercice. */
  exerciseYear: number;
  /** Parts réalisées des financeurs. */
  funderShares?: Array<BilanFunderShareInput> | null | undefined;
  /** Valeurs des indicateurs. */
  indicatorValues?: Array<BilanIndicatorValueInput> | null | undefined;
  /** Bilan qualitatif (20 000 caractères au plus). */
  qualitative?: string | null | undefined;
};

/** Planification d'un comité. */
export type ScheduleCommitteeInput = {
  /** Contrat de ville. */
  contratId: string | number;
  /** Nature du comité. */
  kind: CommitteeKind;
  /** Lieu. */
  place?: string | null | undefined;
  /** Quorum : nombre minimal d'organisations membres ayant voté (1 par défaut). */
  quorum?: number | null | undefined;
  /** Date et heure de la séance. */
  scheduledAt: string;
  /** Intitulé. */
  title: string;
};

/** La présence d'une organisation membre à la séance d'un comité. */
export type SetCommitteeAttendanceInput = {
  /** Comité. */
  committeeId: string | number;
  /** Organisation membre du comité. */
  organisationId: string | number;
  /** Nom du représentant (obligatoire pour une organisation représentée, refusé sinon ; 200 caractères au plus). */
  representativeName?: string | null | undefined;
  /** Présente, représentée ou excusée ; vide : effacer la saisie. */
  status?: AttendanceStatus | null | undefined;
};

/** Membres d'un comité (remplace la liste) et, éventuellement, son quorum, avant l'ouverture du vote. */
export type SetCommitteeMembersInput = {
  /** Comité. */
  committeeId: string | number;
  /** Organisations membres. */
  members: Array<CommitteeMemberInput>;
  /** Nouveau quorum (inchangé si absent). */
  quorum?: number | null | undefined;
};

/** Numéro du dossier Dauphin d'une ligne de crédits spécifiques (P147), à toute étape de l'action ; vide pour l'effacer. */
export type SetDauphinNumberInput = {
  /** Numéro Dauphin : des chiffres, éventuellement groupés par des tirets (5 à 20 caractères) ; vide ou absent pour effacer. */
  dauphinNumber?: string | null | undefined;
  /** Identifiant de la ligne (de nature CREDITS_SPECIFIQUES_P147). */
  fundingLineId: string | number;
};

/** Enveloppe d'un financeur pour un contrat, un exercice et une nature de financement (créée ou remplacée). */
export type SetEnvelopeInput = {
  /** Montant de l'enveloppe, en centimes (positif ou nul). */
  amountCents: number;
  /** Contrat de ville. */
  contratId: string | number;
  /** Exercice budgétaire (année). */
  exerciseYear: number;
  /** Organisation financeuse. */
  funderId: string | number;
  /** Nature du financement. */
  kind: FundingKind;
};

/** Échéancier d'un financeur : l'avance à la signature, des tranches éventuelles, le solde (le reste) après le bilan et la date limite de ce bilan. */
export type SetPaymentScheduleInput = {
  /** Part de l'avance, de 0 à 100 %. */
  advancePercent: number;
  /** Date limite du bilan propre à ce financeur (AAAA-MM-JJ) ; vide : celle de la convention. */
  bilanDueDate?: string | null | undefined;
  /** Convention. */
  conventionId: string | number;
  /** Organisation financeuse signataire. */
  funderId: string | number;
  /** Tranches entre l'avance et le solde, dans l'ordre (12 au plus ; vide : aucune). L'avance et les tranches comptent au plus 100 %. */
  tranches?: Array<PaymentTrancheInput> | null | undefined;
};

/** Type de structure d'insertion par l'activité économique. */
export type SiaeType =
  /** Atelier et chantier d’insertion. */
  | 'ACI'
  /** Association intermédiaire. */
  | 'AI'
  /** Entreprise d'insertion. */
  | 'EI'
  /** Entreprise d'insertion par le travail indépendant. */
  | 'EITI'
  /** Entreprise de travail temporaire d'insertion. */
  | 'ETTI';

/** Une signature de convention : la convention et l’empreinte du texte lu et signé. */
export type SignConventionInput = {
  /** Convention à signer. */
  conventionId: string | number;
  /** Empreinte SHA-256 (hexadécimale) de la version signée : elle doit être celle de la version en vigueur. */
  versionHash: string;
};

/** Signature enregistrée pour le compte d'une organisation signataire sans compte, sur son mandat : qui a signé le papier, en quelle qualité, l'auteur et le scan du mandat. */
export type SignConventionOnBehalfInput = {
  /** Convention à signer. */
  conventionId: string | number;
  /** Auteur du mandat, à l'organisation ; obligatoire. */
  mandateAuthor?: string | null | undefined;
  /** Le mandat (scan) : une pièce de type MANDAT de cette convention (POST /documents/mandates/conventions/:id) ; obligatoire. */
  mandateDocumentId?: string | number | null | undefined;
  /** Organisation signataire (sans compte) pour le compte de laquelle la signature est enregistrée. */
  organisationId: string | number;
  /** Nom de la personne qui a signé pour l’organisation ; obligatoire. */
  signerName?: string | null | undefined;
  /** Sa qualité (« directrice générale ») ; obligatoire. */
  signerQuality?: string | null | undefined;
  /** Empreinte SHA-256 (hexadécimale) de la version signée : elle doit être celle de la version en vigueur. */
  versionHash: string;
};

/** Qualité d'un signataire de convention. */
export type SignatoryRole =
  /** Financeur ayant accordé au moins une ligne. */
  | 'FINANCEUR'
  /** Porteur de l'action. */
  | 'PORTEUR';

/** Abonnement d'une URL à des événements. */
export type SubscribeWebhookInput = {
  /** Description libre (200 caractères au plus). */
  description?: string | null | undefined;
  /** Événements à recevoir (au moins un). */
  events: Array<WebhookEvent>;
  /** URL de réception (https ; http seulement vers une adresse privée autorisée). */
  url: string;
};

/** Nature juridique de l'intercommunalité. */
export type TenantKind =
  /** Communauté d'agglomération. */
  | 'COMMUNAUTE_AGGLOMERATION'
  /** Communauté de communes. */
  | 'COMMUNAUTE_COMMUNES'
  /** Communauté urbaine. */
  | 'COMMUNAUTE_URBAINE'
  /** Établissement public territorial (Grand Paris). */
  | 'EPT'
  /** Métropole. */
  | 'METROPOLE';

/** Changement d'étape du cycle de vie d'une action. */
export type TransitionActionInput = {
  /** Commentaire, conservé dans le journal d'audit (2000 caractères au plus). */
  comment?: string | null | undefined;
  /** Identifiant de l'action. */
  id: string | number;
  /** Étape visée ; elle doit être permise depuis l’étape actuelle. */
  to: ActionStatus;
};

/** Modification d'une action encore modifiable (brouillon, déposée, en instruction). Un champ absent (ou nul) reste inchangé, sauf objectiveId : nul retire l'objectif. */
export type UpdateActionInput = {
  /** Nouvelle description (10000 caractères au plus). */
  description?: string | null | undefined;
  /** Nouvelle date de fin (AAAA-MM-JJ). */
  endDate?: string | null | undefined;
  /** Identifiant de l'action. */
  id: string | number;
  /** Nouvelle liste complète des indicateurs de suivi (20 au plus, vide pour n'en garder aucun), qui remplace l'ancienne. */
  indicators?: Array<ActionIndicatorInput> | null | undefined;
  /** Nouvel objectif, du pilier de l'action ; nul pour n'en garder aucun. */
  objectiveId?: string | number | null | undefined;
  /** Nouveau porteur. */
  porteurId?: string | number | null | undefined;
  /** Nouvelle liste complète des QPV (1 à 30), qui remplace l'ancienne. */
  qpvIds?: Array<string | number> | null | undefined;
  /** Nouvelle date de début (AAAA-MM-JJ). */
  startDate?: string | null | undefined;
  /** Nouvel intitulé (1 à 300 caractères). */
  title?: string | null | undefined;
  /** Nouveau budget total, en centimes. */
  totalBudgetCents?: number | null | undefined;
};

/** Modification d'un appel : seuls les champs fournis changent. Publié, seuls son texte, le report de sa clôture, les dates d'instruction et de comité et les financeurs changent encore. */
export type UpdateCallInput = {
  /** Clôture des dépôts (null : pas encore fixée). */
  closesAt?: CivilDateTimeInput | null | undefined;
  /** Date du comité (AAAA-MM-JJ). */
  committeeDate?: string | null | undefined;
  /** Texte de l'appel (contexte, priorités, critères), sur plusieurs lignes. */
  description?: string | null | undefined;
  /** Natures de structures éligibles (vide : toutes). */
  eligibleKinds?: Array<OrganisationKind> | null | undefined;
  /** Exercice (année) financé. */
  exercise?: number | null | undefined;
  /** Financeurs participants et leurs enveloppes indicatives. */
  funders?: Array<CallFunderInput> | null | undefined;
  /** Identifiant de l'appel. */
  id: string | number;
  /** Date limite de l'instruction (AAAA-MM-JJ). */
  instructionDueDate?: string | null | undefined;
  /** Objectifs visés (sous les piliers du contrat). */
  objectiveIds?: Array<string | number> | null | undefined;
  /** Ouverture des dépôts (null : pas encore fixée). */
  opensAt?: CivilDateTimeInput | null | undefined;
  /** Piliers (ou axes transversaux) du contrat visés. */
  pillarIds?: Array<string | number> | null | undefined;
  /** Quartiers prioritaires visés (parmi ceux du contrat). */
  qpvIds?: Array<string | number> | null | undefined;
  /** Intitulé (1 à 200 caractères). */
  title?: string | null | undefined;
};

/** Modification d'un dossier : tout champ tant qu'il est en brouillon, puis seulement ceux qu'une demande de compléments rouvre. Un champ absent reste inchangé ; une liste donnée remplace la précédente. */
export type UpdateDossierInput = {
  /** Budget prévisionnel : toutes les lignes, dans l’ordre. */
  budgetLines?: Array<BudgetLineInput> | null | undefined;
  /** Description de l'action. */
  description?: string | null | undefined;
  /** Date de fin (AAAA-MM-JJ). */
  endDate?: string | null | undefined;
  /** Plan de financement : une ligne par financeur et nature. */
  fundingLines?: Array<DossierFundingLineInput> | null | undefined;
  /** Dossier (action). */
  id: string | number;
  /** Indicateurs et leurs cibles, dans l’ordre. */
  indicators?: Array<ActionIndicatorInput> | null | undefined;
  /** Objectifs. */
  objectives?: string | null | undefined;
  /** Pilier du contrat de l'appel. */
  pillarId?: string | number | null | undefined;
  /** QPV où l'action se déroule (30 au plus). */
  qpvIds?: Array<string | number> | null | undefined;
  /** Fonction du représentant. */
  representativeFunction?: string | null | undefined;
  /** Nom du représentant. */
  representativeName?: string | null | undefined;
  /** Date de début (AAAA-MM-JJ). */
  startDate?: string | null | undefined;
  /** Public visé. */
  targetPublic?: string | null | undefined;
  /** Intitulé. */
  title?: string | null | undefined;
};

/** Modification d'une ligne de financement d'une action modifiable. Le financeur ne change pas : retirez la ligne et ajoutez-en une autre. Un champ absent reste inchangé. */
export type UpdateFundingLineInput = {
  /** Nouveau montant demandé, en centimes. */
  amountRequestedCents?: number | null | undefined;
  /** Nouvel exercice budgétaire (année). */
  exerciseYear?: number | null | undefined;
  /** Identifiant de la ligne. */
  id: string | number;
  /** Apport en nature. */
  inKind?: boolean | null | undefined;
  /** Nouvelle nature du financement. */
  kind?: FundingKind | null | undefined;
  /** Promesse (engagement non ferme). */
  pledge?: boolean | null | undefined;
};

/** Modification d'un partenaire : seuls les champs fournis changent. */
export type UpdateOrganisationInput = {
  /** Titulaire de l'agrément ESUS. */
  esus?: boolean | null | undefined;
  /** Identifiant de l'organisation. */
  id: string | number;
  /** Nature du partenaire. */
  kind?: OrganisationKind | null | undefined;
  /** Raison sociale ou nom usuel (1 à 200 caractères). */
  name?: string | null | undefined;
  /** SIRET (14 chiffres ; les espaces sont ignorés) ; null pour le retirer. */
  siret?: string | null | undefined;
};

/** Réglages modifiés (les champs absents ne changent pas). */
export type UpdateTenantSettingsInput = {
  /** Gel de l'ordre du jour, en jours avant le comité (0 à 90). */
  agendaFreezeDays?: number | null | undefined;
  /** Délai du bilan, en mois après l'exercice (1 à 24). */
  bilanDelayMonths?: number | null | undefined;
  /** Délai de versement, en jours (0 à 365). */
  paymentDelayDays?: number | null | undefined;
  /** Étapes de relance (1 à 10, décalages distincts). */
  reminderSteps?: Array<ReminderStepInput> | null | undefined;
  /** Nom de l'expéditeur des courriels (100 caractères au plus). */
  senderName?: string | null | undefined;
  /** Délai de signature des conventions, en jours (1 à 365). */
  signatureDelayDays?: number | null | undefined;
  /** Fuseau horaire IANA (Europe/Paris, America/Cayenne, Indian/Reunion…). */
  timeZone?: string | null | undefined;
};

/** Vote d'un financeur sur sa ligne. */
export type VoteDecision =
  /** S'abstient. */
  | 'ABSTAIN'
  /** Accorde un montant. */
  | 'GRANT'
  /** Refuse. */
  | 'REFUSE';

/** Filtre des envois webhook. */
export type WebhookDeliveriesFilter = {
  /** Nombre maximal (100 au plus, 50 par défaut), les plus récents d’abord. */
  first?: number | null | undefined;
  /** Seulement cet état. */
  state?: DeliveryState | null | undefined;
  /** Abonnement. */
  subscriptionId: string | number;
};

/** Événement auquel un webhook peut s’abonner. */
export type WebhookEvent =
  /** Action programmée (ou partiellement) à la clôture d’un comité des financeurs (type « action.programmed »). */
  | 'ACTION_PROGRAMMED'
  /** Engagement réduit ou annulé (type « commitment.decommitted »). */
  | 'COMMITMENT_DECOMMITTED'
  /** Engagement juridique enregistré (type « commitment.recorded »). */
  | 'COMMITMENT_RECORDED'
  /** Convention signée (type « convention.signed »). */
  | 'CONVENTION_SIGNED'
  /** Échéance dépassée sans être tenue (type « deadline.overdue »). */
  | 'DEADLINE_OVERDUE'
  /** Décision d’un comité corrigée (type « comite.decision.corrected »). */
  | 'DECISION_CORRECTED'
  /** Paiement enregistré (type « payment.recorded »). */
  | 'PAYMENT_RECORDED';

export type ShellMeQueryVariables = Exact<{ [key: string]: never; }>;


export type ShellMeQuery = { me: { platformAdmin: boolean } };

export type TerritoryContratsQueryVariables = Exact<{ [key: string]: never; }>;


export type TerritoryContratsQuery = { contrats: Array<{ id: string, title: string, startYear: number, endYear: number, status: ContratStatus, pillars: Array<{ id: string, title: string, position: number, kind: PillarKind, objectives: Array<{ id: string, code: string, title: string }> }>, qpvs: Array<{ id: string, code: string, name: string, enVeille: boolean }> }> };

export type MyTenantsQueryVariables = Exact<{ [key: string]: never; }>;


export type MyTenantsQuery = { myTenants: Array<{ role: Role, organisationId: string | null, permissions: Array<Permission>, tenant: { id: string, siren: string, name: string, kind: TenantKind, departements: Array<string> } }> };

export type LogoutEverywhereMutationVariables = Exact<{ [key: string]: never; }>;


export type LogoutEverywhereMutation = { logoutEverywhere: boolean };

export type ChangePasswordMutationVariables = Exact<{
  input: ChangePasswordInput;
}>;


export type ChangePasswordMutation = { changePassword: boolean };

export type RequestPasswordResetMutationVariables = Exact<{
  input: RequestPasswordResetInput;
}>;


export type RequestPasswordResetMutation = { requestPasswordReset: boolean };

export type InvitationPreviewQueryVariables = Exact<{
  token: string;
}>;


export type InvitationPreviewQuery = { invitationPreview: { email: string, tenantName: string, role: Role, invitedBy: string | null, expiresAt: string, accountReady: boolean } };

export type AcceptInvitationMutationVariables = Exact<{
  input: AcceptInvitationInput;
}>;


export type AcceptInvitationMutation = { acceptInvitation: boolean };

export type DeclineInvitationMutationVariables = Exact<{
  token: string;
}>;


export type DeclineInvitationMutation = { declineInvitation: boolean };

export type ResetPasswordMutationVariables = Exact<{
  input: ResetPasswordInput;
}>;


export type ResetPasswordMutation = { resetPassword: boolean };

export type TransitionActionMutationVariables = Exact<{
  input: TransitionActionInput;
}>;


export type TransitionActionMutation = { transitionAction: { id: string, status: ActionStatus, updatedAt: string } };

export type GiveAvisMutationVariables = Exact<{
  input: GiveAvisInput;
}>;


export type GiveAvisMutation = { giveAvis: { id: string, opinion: AvisOpinion, comment: string, organisationId: string | null, updatedAt: string } };

export type SetDauphinNumberMutationVariables = Exact<{
  input: SetDauphinNumberInput;
}>;


export type SetDauphinNumberMutation = { setDauphinNumber: { id: string, dauphinNumber: string | null } };

export type ActionToEditQueryVariables = Exact<{
  id: string | number;
}>;


export type ActionToEditQuery = { action: { id: string, reference: string, title: string, description: string, startDate: string, endDate: string, totalBudgetCents: number, status: ActionStatus, contratId: string, editable: boolean, pillar: { id: string }, objective: { id: string } | null, porteur: { id: string }, qpvs: Array<{ id: string }>, indicators: Array<{ id: string, label: string, target: number, unit: string }>, fundingLines: Array<{ id: string, kind: FundingKind, exerciseYear: number, amountRequestedCents: number, inKind: boolean, pledge: boolean, funder: { id: string, name: string } }> } };

export type UpdateActionMutationVariables = Exact<{
  input: UpdateActionInput;
}>;


export type UpdateActionMutation = { updateAction: { id: string, updatedAt: string } };

export type AddFundingLineMutationVariables = Exact<{
  input: AddFundingLineInput;
}>;


export type AddFundingLineMutation = { addFundingLine: { id: string } };

export type UpdateFundingLineMutationVariables = Exact<{
  input: UpdateFundingLineInput;
}>;


export type UpdateFundingLineMutation = { updateFundingLine: { id: string } };

export type RemoveFundingLineMutationVariables = Exact<{
  id: string | number;
}>;


export type RemoveFundingLineMutation = { removeFundingLine: { id: string } };

export type CreateActionMutationVariables = Exact<{
  input: CreateActionInput;
}>;


export type CreateActionMutation = { createAction: { id: string, reference: string } };

export type ActionDossierQueryVariables = Exact<{
  id: string | number;
}>;


export type ActionDossierQuery = { action: { id: string, contratId: string, reference: string, title: string, description: string, startDate: string, endDate: string, totalBudgetCents: number, status: ActionStatus, createdAt: string, updatedAt: string, allowedTransitions: Array<ActionStatus>, editable: boolean, stepsDecidedElsewhere: boolean, viewerMayAttachDocuments: boolean, porteur: { id: string, name: string, kind: OrganisationKind, siret: string | null, esus: boolean }, pillar: { id: string, title: string }, objective: { id: string, code: string, title: string } | null, qpvs: Array<{ id: string, code: string, name: string, enVeille: boolean }>, indicators: Array<{ id: string, position: number, label: string, target: number, unit: string }>, documents: Array<{ id: string, kind: DocumentKind, fileName: string, contentType: string, sizeBytes: number, sha256: string, uploadedAt: string, uploaderName: string | null, downloadPath: string, viewerMayDelete: boolean }>, bilans: Array<{ id: string, exerciseYear: number, receivedAt: string, viewerMayAttachDocuments: boolean, documents: Array<{ id: string, kind: DocumentKind, fileName: string, contentType: string, sizeBytes: number, sha256: string, uploadedAt: string, uploaderName: string | null, downloadPath: string, viewerMayDelete: boolean }> }>, fundingLines: Array<{ id: string, kind: FundingKind, dauphinNumber: string | null, exerciseYear: number, inKind: boolean, pledge: boolean, amountRequestedCents: number, decidedAmountCents: number | null, committedAmountCents: number | null, paidAmountCents: number | null, remainingCents: number | null, decidedAt: string | null, funder: { id: string, name: string } }>, fundingTotals: { requestedCents: number, balanceCents: number, inKindCents: number, pledgeCents: number }, avis: Array<{ id: string, opinion: AvisOpinion, comment: string, organisationId: string | null, authorUserId: string, createdAt: string, updatedAt: string }>, committees: Array<{ id: string, title: string, scheduledAt: string, status: CommitteeStatus }> }, conventions: { nodes: Array<{ id: string, status: ConventionStatus }> } };

export type ActionHistoryQueryVariables = Exact<{
  id: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ActionHistoryQuery = { action: { id: string, history: { nodes: Array<{ id: string, occurredAt: string, actorName: string | null, operation: string, summary: string, subject: string, comment: string | null, redacted: boolean, committeeId: string | null, conventionId: string | null, changes: Array<{ label: string, before: string | null, after: string | null }> }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } };

export type ActionDeadlinesQueryVariables = Exact<{
  actionId: string | number;
  after?: string | null | undefined;
}>;


export type ActionDeadlinesQuery = { deadlines: { nodes: Array<{ id: string, actionId: string | null, conventionId: string | null, kind: DeadlineKind, label: string, dueDate: string, state: DeadlineState, dueIn: string, exerciseYear: number | null, metAt: string | null, responsibles: Array<{ userId: string, displayName: string }> }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } };

export type ActionsListQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
  filter?: ActionFilter | null | undefined;
}>;


export type ActionsListQuery = { actions: { nodes: Array<{ id: string, reference: string, title: string, status: ActionStatus, startDate: string, endDate: string, totalBudgetCents: number, porteur: { id: string, name: string }, pillar: { id: string, title: string }, objective: { id: string, code: string, title: string } | null, qpvs: Array<{ id: string, code: string, name: string }>, fundingTotals: { requestedCents: number }, fundingLines: Array<{ id: string, decidedAmountCents: number | null, funder: { id: string, name: string } }> }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } };

export type ActionOrganisationsQueryVariables = Exact<{
  after?: string | null | undefined;
}>;


export type ActionOrganisationsQuery = { organisations: { nodes: Array<{ id: string, name: string, kind: OrganisationKind }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } };

export type IntegrationsQueryVariables = Exact<{ [key: string]: never; }>;


export type IntegrationsQuery = { apiKeys: Array<{ id: string, name: string, scopes: Array<ApiKeyScope>, organisationId: string | null, hint: string, createdAt: string, lastUsedAt: string | null, revokedAt: string | null, replacesId: string | null }>, webhookSubscriptions: Array<{ id: string, url: string, events: Array<WebhookEvent>, description: string, createdAt: string, disabledAt: string | null }> };

export type CreateApiKeyMutationVariables = Exact<{
  input: CreateApiKeyInput;
}>;


export type CreateApiKeyMutation = { createApiKey: { token: string, apiKey: { id: string, name: string } } };

export type RotateApiKeyMutationVariables = Exact<{
  id: string | number;
}>;


export type RotateApiKeyMutation = { rotateApiKey: { token: string, apiKey: { id: string, name: string } } };

export type RevokeApiKeyMutationVariables = Exact<{
  id: string | number;
}>;


export type RevokeApiKeyMutation = { revokeApiKey: { id: string, revokedAt: string | null } };

export type SubscribeWebhookMutationVariables = Exact<{
  input: SubscribeWebhookInput;
}>;


export type SubscribeWebhookMutation = { subscribeWebhook: { secret: string, subscription: { id: string, url: string } } };

export type DisableWebhookMutationVariables = Exact<{
  id: string | number;
}>;


export type DisableWebhookMutation = { disableWebhook: { id: string, disabledAt: string | null } };

export type WebhookDeliveriesQueryVariables = Exact<{
  filter: WebhookDeliveriesFilter;
}>;


export type WebhookDeliveriesQuery = { webhookDeliveries: Array<{ id: string, eventType: WebhookEvent, state: DeliveryState, attempts: number, replays: number, lastStatusCode: number | null, lastError: string | null, createdAt: string, deliveredAt: string | null }> };

export type ReplayDeliveryMutationVariables = Exact<{
  id: string | number;
}>;


export type ReplayDeliveryMutation = { replayWebhookDelivery: { id: string, state: DeliveryState, replays: number } };

export type TenantMembersQueryVariables = Exact<{ [key: string]: never; }>;


export type TenantMembersQuery = { members: Array<{ id: string, role: Role, organisationId: string | null, createdAt: string, revokedAt: string | null, user: { id: string, displayName: string, email: string } }>, roleRules: Array<{ role: Role, permissions: Array<Permission>, organisationBound: boolean }> };

export type MemberOrganisationsQueryVariables = Exact<{
  after?: string | null | undefined;
}>;


export type MemberOrganisationsQuery = { organisations: { nodes: Array<{ id: string, name: string }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } };

export type InviteMemberMutationVariables = Exact<{
  input: InviteMemberInput;
}>;


export type InviteMemberMutation = { inviteMember: { id: string, email: string, displayName: string } };

export type TenantInvitationsQueryVariables = Exact<{ [key: string]: never; }>;


export type TenantInvitationsQuery = { invitations: Array<{ id: string, email: string, displayName: string, role: Role, organisationId: string | null, status: InvitationStatus, createdAt: string, sentAt: string, expiresAt: string }> };

export type ResendInvitationMutationVariables = Exact<{
  invitationId: string | number;
}>;


export type ResendInvitationMutation = { resendInvitation: { id: string, sentAt: string, expiresAt: string } };

export type CancelInvitationMutationVariables = Exact<{
  invitationId: string | number;
}>;


export type CancelInvitationMutation = { cancelInvitation: { id: string, status: InvitationStatus } };

export type ChangeMemberRoleMutationVariables = Exact<{
  input: ChangeMemberRoleInput;
}>;


export type ChangeMemberRoleMutation = { changeMemberRole: { id: string, role: Role, organisationId: string | null } };

export type RevokeMembershipMutationVariables = Exact<{
  membershipId: string | number;
}>;


export type RevokeMembershipMutation = { revokeMembership: { id: string, revokedAt: string | null } };

export type PartnerListQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
  kind?: OrganisationKind | null | undefined;
  search?: string | null | undefined;
}>;


export type PartnerListQuery = { organisations: { nodes: Array<{ id: string, name: string, kind: OrganisationKind, siret: string | null, esus: boolean }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } };

export type CreatePartnerMutationVariables = Exact<{
  input: CreateOrganisationInput;
}>;


export type CreatePartnerMutation = { createOrganisation: { id: string, name: string } };

export type UpdatePartnerMutationVariables = Exact<{
  input: UpdateOrganisationInput;
}>;


export type UpdatePartnerMutation = { updateOrganisation: { id: string, name: string, kind: OrganisationKind, siret: string | null, esus: boolean } };

export type ImportQpvContoursMutationVariables = Exact<{
  input: ImportQpvContoursInput;
}>;


export type ImportQpvContoursMutation = { importQpvContours: { applied: boolean, created: number, updated: number, skipped: number, withoutContour: Array<string>, errors: Array<{ feature: number, code: string | null, reason: string, message: string }> } };

export type QpvsListQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
  generation?: QpvGeneration | null | undefined;
  search?: string | null | undefined;
}>;


export type QpvsListQuery = { qpvs: { nodes: Array<{ id: string, code: string, name: string, communes: Array<string>, generation: QpvGeneration, enVeille: boolean }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } };

export type ImportQpvsMutationVariables = Exact<{
  input: ImportQpvsInput;
}>;


export type ImportQpvsMutation = { importQpvs: { applied: boolean, created: number, updated: number, unchanged: number, skipped: number, errors: Array<{ line: number, code: string | null, reason: string, message: string }> } };

export type TenantSettingsQueryVariables = Exact<{ [key: string]: never; }>;


export type TenantSettingsQuery = { tenantSettings: { senderName: string, timeZone: string, signatureDelayDays: number, agendaFreezeDays: number, bilanDelayMonths: number, paymentDelayDays: number, reminderSteps: Array<{ offsetDays: number, escalation: boolean }> } };

export type UpdateTenantSettingsMutationVariables = Exact<{
  input: UpdateTenantSettingsInput;
}>;


export type UpdateTenantSettingsMutation = { updateTenantSettings: { senderName: string, timeZone: string, signatureDelayDays: number, agendaFreezeDays: number, bilanDelayMonths: number, paymentDelayDays: number, reminderSteps: Array<{ offsetDays: number, escalation: boolean }> } };

export type CallListQueryVariables = Exact<{
  contratId: string | number;
}>;


export type CallListQuery = { calls: Array<{ id: string, title: string, exercise: number, status: CallStatus, dossierCount: number, closesAtLocal: { date: string, time: string } | null }> };

export type CallDetailQueryVariables = Exact<{
  id: string | number;
}>;


export type CallDetailQuery = { call: { id: string, contratId: string, title: string, description: string, exercise: number, status: CallStatus, publishedAt: string | null, instructionDueDate: string | null, committeeDate: string | null, eligibleKinds: Array<OrganisationKind>, dossierCount: number, opensAtLocal: { date: string, time: string } | null, closesAtLocal: { date: string, time: string } | null, pillars: Array<{ id: string, title: string }>, objectives: Array<{ id: string, code: string, title: string }>, qpvs: Array<{ id: string, code: string, name: string }>, funders: Array<{ organisationId: string, name: string, envelopeCents: number, internalNote: string | null }>, requiredPieces: Array<{ position: number, label: string, mandatory: boolean, description: string }> } };

export type CallFormDataQueryVariables = Exact<{
  contratId: string | number;
}>;


export type CallFormDataQuery = { contrat: { id: string, pillars: Array<{ id: string, title: string, objectives: Array<{ id: string, code: string, title: string }> }>, qpvs: Array<{ id: string, code: string, name: string }> }, organisations: { nodes: Array<{ id: string, name: string }> } };

export type CreateCallMutationVariables = Exact<{
  input: CreateCallInput;
}>;


export type CreateCallMutation = { createCall: { id: string } };

export type UpdateCallMutationVariables = Exact<{
  input: UpdateCallInput;
}>;


export type UpdateCallMutation = { updateCall: { id: string } };

export type SetCallPiecesMutationVariables = Exact<{
  callId: string | number;
  pieces: Array<CallPieceInput> | CallPieceInput;
}>;


export type SetCallPiecesMutation = { setCallRequiredPieces: { id: string } };

export type PublishCallMutationVariables = Exact<{
  id: string | number;
}>;


export type PublishCallMutation = { publishCall: { id: string, status: CallStatus } };

export type CloseCallMutationVariables = Exact<{
  id: string | number;
}>;


export type CloseCallMutation = { closeCall: { id: string, status: CallStatus } };

export type CancelCallMutationVariables = Exact<{
  id: string | number;
}>;


export type CancelCallMutation = { cancelCall: { id: string, status: CallStatus } };

export type DeleteCallMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteCallMutation = { deleteCall: boolean };

export type PublicCallsQueryVariables = Exact<{
  siren: string;
}>;


export type PublicCallsQuery = { publicCalls: { territoryName: string, siren: string, calls: Array<{ id: string, title: string, exercise: number, open: boolean, opensAtLocal: { date: string, time: string }, closesAtLocal: { date: string, time: string } }> } };

export type PublicCallQueryVariables = Exact<{
  siren: string;
  id: string | number;
}>;


export type PublicCallQuery = { publicCall: { id: string, title: string, description: string, exercise: number, open: boolean, timeZone: string, instructionDueDate: string | null, committeeDate: string | null, eligibleKinds: Array<OrganisationKind>, opensAtLocal: { date: string, time: string }, closesAtLocal: { date: string, time: string }, pillars: Array<{ title: string }>, objectives: Array<{ code: string, title: string }>, qpvs: Array<{ code: string, name: string }>, funders: Array<{ name: string, envelopeCents: number }>, requiredPieces: Array<{ position: number, label: string, description: string, mandatory: boolean }> } };

export type BilanSheetQueryVariables = Exact<{
  actionId: string | number;
  exerciseYear?: number | null | undefined;
}>;


export type BilanSheetQuery = { bilanSheet: { actionId: string, actionReference: string, actionTitle: string, porteurName: string, exerciseYear: number, exercises: Array<number>, exerciseEnded: boolean, viewerMayFile: boolean, viewerMayReview: boolean, report: { id: string, status: BilanStatus, qualitative: string, correctionsMessage: string | null, submittedAt: string | null, acceptedAt: string | null, updatedAt: string } | null, budgetLines: Array<{ budgetLineId: string, side: BudgetSide, account: string, label: string, plannedCents: number, realisedCents: number | null, explanation: string, explanationRequired: boolean }>, funderShares: Array<{ fundingLineId: string, funderName: string, kind: FundingKind, plannedCents: number, realisedCents: number | null, explanation: string, explanationRequired: boolean }>, indicators: Array<{ actionIndicatorId: string, label: string, unit: string, target: number, definitionCode: string | null, value: number | null }> } };

export type SaveBilanDraftMutationVariables = Exact<{
  input: SaveBilanDraftInput;
}>;


export type SaveBilanDraftMutation = { saveBilanDraft: { actionId: string, report: { id: string, status: BilanStatus } | null } };

export type SubmitBilanMutationVariables = Exact<{
  input: BilanRefInput;
}>;


export type SubmitBilanMutation = { submitBilan: { actionId: string, report: { id: string, status: BilanStatus } | null } };

export type AcceptBilanMutationVariables = Exact<{
  input: BilanRefInput;
}>;


export type AcceptBilanMutation = { acceptBilan: { actionId: string, report: { id: string, status: BilanStatus } | null } };

export type RequestBilanCorrectionsMutationVariables = Exact<{
  input: RequestBilanCorrectionsInput;
}>;


export type RequestBilanCorrectionsMutation = { requestBilanCorrections: { actionId: string, report: { id: string, status: BilanStatus } | null } };

export type IndicatorCatalogueQueryVariables = Exact<{ [key: string]: never; }>;


export type IndicatorCatalogueQuery = { indicatorDefinitions: Array<{ id: string, code: string, label: string, unit: string, aggregation: IndicatorAggregation, weightDefinitionId: string | null, pillar: string | null }> };

export type CreateIndicatorDefinitionMutationVariables = Exact<{
  input: CreateIndicatorDefinitionInput;
}>;


export type CreateIndicatorDefinitionMutation = { createIndicatorDefinition: { id: string } };

export type DeleteIndicatorDefinitionMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteIndicatorDefinitionMutation = { deleteIndicatorDefinition: boolean };

export type ArbitrationQueueQueryVariables = Exact<{
  contratId: string | number;
}>;


export type ArbitrationQueueQuery = { actions: { nodes: Array<{ id: string, title: string, reference: string, openCommitteeId: string | null, porteur: { name: string }, fundingTotals: { requestedCents: number } }> } };

export type AddAgendaItemsMutationVariables = Exact<{
  committeeId: string | number;
  actionIds: Array<string | number> | string | number;
}>;


export type AddAgendaItemsMutation = { addAgendaItems: { id: string } };

export type RemoveAgendaItemMutationVariables = Exact<{
  agendaItemId: string | number;
}>;


export type RemoveAgendaItemMutation = { removeAgendaItem: { id: string } };

export type SetCommitteeAttendanceMutationVariables = Exact<{
  input: SetCommitteeAttendanceInput;
}>;


export type SetCommitteeAttendanceMutation = { setCommitteeAttendance: Array<{ organisationId: string, status: AttendanceStatus, representativeName: string | null }> };

export type CommitteeDetailQueryVariables = Exact<{
  id: string | number;
}>;


export type CommitteeDetailQuery = { committee: { id: string, kind: CommitteeKind, title: string, status: CommitteeStatus, quorum: number, viewerMayEdit: boolean, viewerMayOpenVote: boolean, openVoteRefusal: string | null, viewerMayClose: boolean, votersWhoVoted: number | null, quorumReached: boolean | null, place: string, scheduledAt: string, openedAt: string | null, closedAt: string | null, contratId: string, membersFromDefault: boolean, members: Array<{ organisationId: string, voting: boolean }>, memberCandidates: Array<{ organisationId: string, name: string, funder: boolean, signatory: boolean }> | null, defaultMembership: { savedAt: string, members: Array<{ organisationId: string, voting: boolean }> } | null, attendance: Array<{ organisationId: string, status: AttendanceStatus, representativeName: string | null }>, agendaItems: Array<{ id: string, position: number, actionId: string, viewerMayVote: boolean, viewerVoteRefusal: string | null, viewerVoteRefusalCode: string | null, action: { id: string, title: string, reference: string, status: ActionStatus, totalBudgetCents: number, porteur: { id: string, name: string }, avis: Array<{ id: string, opinion: AvisOpinion, comment: string, organisationId: string | null, updatedAt: string }> }, conflictsOfInterest: Array<{ organisationId: string, reason: string }>, lines: Array<{ fundingLineId: string, funderId: string, kind: FundingKind, exerciseYear: number, amountRequestedCents: number, decision: VoteDecision | null, votedAmountCents: number | null, comment: string | null, funderHasAccount: boolean, viewerMayRecordOnBehalf: boolean, viewerOnBehalfRefusal: string | null, onBehalf: { recordedByName: string | null, mandateAuthor: string, mandateDocument: { id: string, fileName: string, downloadPath: string } | null } | null }> }>, results: { items: Array<{ agendaItemId: string, actionId: string, actionStatus: ActionStatus, lines: Array<{ fundingLineId: string, funderId: string, amountRequestedCents: number, decidedAmountCents: number, kind: DecisionKind }> }>, byFunder: Array<{ funderId: string, requestedCents: number, decidedCents: number }>, envelopes: Array<{ id: string, funderId: string, exerciseYear: number, kind: FundingKind, amountCents: number, consumedCents: number, remainingCents: number }> } | null }, organisations: { nodes: Array<{ id: string, name: string }> } };

export type CommitteeListQueryVariables = Exact<{
  contratId: string | number;
}>;


export type CommitteeListQuery = { committees: Array<{ id: string, kind: CommitteeKind, title: string, status: CommitteeStatus, scheduledAt: string, place: string, quorum: number, agendaItems: Array<{ id: string }> }> };

export type ScheduleCommitteeMutationVariables = Exact<{
  input: ScheduleCommitteeInput;
}>;


export type ScheduleCommitteeMutation = { scheduleCommittee: { id: string } };

export type CommitteeEnvelopesQueryVariables = Exact<{
  contratId: string | number;
  funderId?: string | number | null | undefined;
}>;


export type CommitteeEnvelopesQuery = { envelopes: Array<{ id: string, funderId: string, exerciseYear: number, kind: FundingKind, amountCents: number, consumedCents: number, remainingCents: number }> };

export type SetCommitteeEnvelopeMutationVariables = Exact<{
  input: SetEnvelopeInput;
}>;


export type SetCommitteeEnvelopeMutation = { setEnvelope: { id: string, remainingCents: number } };

export type OpenVoteMutationVariables = Exact<{
  committeeId: string | number;
}>;


export type OpenVoteMutation = { openVote: { id: string, status: CommitteeStatus } };

export type CloseCommitteeMutationVariables = Exact<{
  committeeId: string | number;
}>;


export type CloseCommitteeMutation = { closeCommittee: { id: string, status: CommitteeStatus } };

export type SetCommitteeMembersMutationVariables = Exact<{
  input: SetCommitteeMembersInput;
}>;


export type SetCommitteeMembersMutation = { setCommitteeMembers: { id: string, quorum: number, members: Array<{ organisationId: string, voting: boolean }> } };

export type SaveCommitteeMembersAsDefaultMutationVariables = Exact<{
  committeeId: string | number;
}>;


export type SaveCommitteeMembersAsDefaultMutation = { saveCommitteeMembersAsDefault: { savedAt: string, quorum: number | null, members: Array<{ organisationId: string, voting: boolean }> } | null };

export type CommitteeReportsQueryVariables = Exact<{ [key: string]: never; }>;


export type CommitteeReportsQuery = { reports: Array<{ id: string, kind: ReportKind, committeeId: string | null, state: ReportState, fileName: string | null, downloadPath: string | null, failureReason: string | null, requestedAt: string }> };

export type RequestMinutesMutationVariables = Exact<{
  input: RequestReportInput;
}>;


export type RequestMinutesMutation = { requestReport: { id: string, state: ReportState } };

export type CastVoteOnBehalfMutationVariables = Exact<{
  input: CastVoteOnBehalfInput;
}>;


export type CastVoteOnBehalfMutation = { castVoteOnBehalf: { id: string, decision: VoteDecision, amountCents: number | null } };

export type CastVoteMutationVariables = Exact<{
  input: CastVoteInput;
}>;


export type CastVoteMutation = { castVote: { id: string, decision: VoteDecision, amountCents: number | null, comment: string } };

export type ConventionActionQueryVariables = Exact<{
  id: string | number;
}>;


export type ConventionActionQuery = { action: { id: string, title: string, reference: string, status: ActionStatus, porteur: { name: string } } };

export type ConventionTextQueryVariables = Exact<{
  versionId: string | number;
}>;


export type ConventionTextQuery = { conventionText: string };

export type SignConventionMutationVariables = Exact<{
  input: SignConventionInput;
}>;


export type SignConventionMutation = { signConvention: { id: string, status: ConventionStatus, signedCount: number, signatoryCount: number } };

export type ActionConventionQueryVariables = Exact<{
  actionId: string | number;
}>;


export type ActionConventionQuery = { conventions: { nodes: Array<{ id: string, status: ConventionStatus, currentVersion: { number: number } }> } };

export type SignConventionOnBehalfMutationVariables = Exact<{
  input: SignConventionOnBehalfInput;
}>;


export type SignConventionOnBehalfMutation = { signConventionOnBehalf: { id: string, status: ConventionStatus, signedCount: number, signatoryCount: number } };

export type SetPaymentScheduleMutationVariables = Exact<{
  input: SetPaymentScheduleInput;
}>;


export type SetPaymentScheduleMutation = { setPaymentSchedule: { id: string, status: ConventionStatus } };

export type ConventionListQueryVariables = Exact<{
  filter?: ConventionFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ConventionListQuery = { conventions: { nodes: Array<{ id: string, actionId: string, status: ConventionStatus, sequential: boolean, signedCount: number, signatoryCount: number, updatedAt: string, viewerMayAttachDocuments: boolean, documents: Array<{ id: string, kind: DocumentKind, fileName: string, contentType: string, sizeBytes: number, sha256: string, uploadedAt: string, uploaderName: string | null, downloadPath: string, viewerMayDelete: boolean }>, currentVersion: { id: string, number: number, hash: string, reason: string | null, createdAt: string, signatories: Array<{ id: string, organisationId: string, role: SignatoryRole, position: number, amountCents: number, advancePercent: number, advanceCents: number, balancePercent: number, bilanDueDate: string | null, viewerMaySignOnBehalf: boolean, organisation: { name: string }, tranches: Array<{ percent: number, dueDate: string | null, condition: string | null }> }>, signatures: Array<{ organisationId: string, signedAt: string, onBehalf: { signerName: string, signerQuality: string, recordedByName: string | null, mandateAuthor: string } | null }> } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ContratDashboardQueryVariables = Exact<{
  contratId: string | number;
  exerciseYear?: number | null | undefined;
}>;


export type ContratDashboardQuery = { contratDashboard: { contratId: string, actionCount: number, essActionCount: number, overdueBilanCount: number, unsignedConventionCount: number, totals: { requestedCents: number, decidedCents: number, committedCents: number, paidCents: number }, cells: Array<{ pillarId: string, pillarTitle: string, funderName: string, kind: FundingKind, exerciseYear: number, requestedCents: number, decidedCents: number, committedCents: number, paidCents: number }>, actionsByStatus: Array<{ status: ActionStatus, count: number }>, qpvs: Array<{ qpvId: string, code: string, name: string, actionCount: number, requestedCents: number, decidedCents: number, committedCents: number, paidCents: number, coordinates: Array<Array<Array<Array<number>>>> | null }>, envelopes: Array<{ id: string, funderId: string, kind: FundingKind, exerciseYear: number, amountCents: number, consumedCents: number, remainingCents: number }>, leverage: { creditsSpecifiques: { decidedCents: number }, droitCommun: { decidedCents: number }, autres: { decidedCents: number } }, trend: Array<{ exerciseYear: number, actionCount: number, requestedCents: number, decidedCents: number, committedCents: number, paidCents: number }>, indicators: Array<{ code: string, label: string, unit: string, aggregation: IndicatorAggregation, target: number | null, realised: number | null, targetActionCount: number, realisedActionCount: number }>, indicatorGroups: Array<{ dimension: IndicatorGroupDimension, groupId: string, label: string, indicators: Array<{ code: string, label: string, unit: string, target: number | null, realised: number | null, realisedActionCount: number }> }> } };

export type DepartementQueryVariables = Exact<{
  departement: string;
  exerciseYear?: number | null | undefined;
}>;


export type DepartementQuery = { departementDashboard: { departement: string, exerciseYear: number | null, territories: Array<{ tenantId: string }>, contrats: Array<{ tenantId: string, siren: string, name: string, contratId: string, contratTitle: string, startYear: number, endYear: number, actionCount: number, essActionCount: number, overdueBilanCount: number, unsignedConventionCount: number, totals: { requestedCents: number, decidedCents: number, committedCents: number, paidCents: number }, leverage: { creditsSpecifiques: { decidedCents: number }, droitCommun: { decidedCents: number }, autres: { decidedCents: number } }, qpvs: Array<{ qpvId: string, code: string, name: string, actionCount: number, requestedCents: number, decidedCents: number, committedCents: number, paidCents: number, coordinates: Array<Array<Array<Array<number>>>> | null }>, qpvIndicators: Array<{ dimension: IndicatorGroupDimension, groupId: string, indicators: Array<{ code: string, label: string, unit: string, realised: number | null }> }> }>, totals: { actionCount: number, essActionCount: number, overdueBilanCount: number, unsignedConventionCount: number, totals: { requestedCents: number, decidedCents: number, committedCents: number, paidCents: number }, leverage: { creditsSpecifiques: { decidedCents: number }, droitCommun: { decidedCents: number }, autres: { decidedCents: number } }, byPillar: Array<{ pillarTitle: string, requestedCents: number, decidedCents: number, committedCents: number, paidCents: number }>, byFunderKind: Array<{ funderKind: OrganisationKind, requestedCents: number, decidedCents: number, committedCents: number, paidCents: number }> } } };

export type MyInvitationsQueryVariables = Exact<{ [key: string]: never; }>;


export type MyInvitationsQuery = { myInvitations: Array<{ id: string, role: Role, organisationId: string | null, invitedBy: string | null, createdAt: string, expiresAt: string, tenant: { siren: string, name: string } }> };

export type AcceptMyInvitationMutationVariables = Exact<{
  invitationId: string | number;
}>;


export type AcceptMyInvitationMutation = { acceptMyInvitation: Array<{ id: string, role: Role, organisationId: string | null, invitedBy: string | null, createdAt: string, expiresAt: string, tenant: { siren: string, name: string } }> };

export type DeclineMyInvitationMutationVariables = Exact<{
  invitationId: string | number;
}>;


export type DeclineMyInvitationMutation = { declineMyInvitation: Array<{ id: string, role: Role, organisationId: string | null, invitedBy: string | null, createdAt: string, expiresAt: string, tenant: { siren: string, name: string } }> };

export type MapSettingsQueryVariables = Exact<{ [key: string]: never; }>;


export type MapSettingsQuery = { mapSettings: { tileUrl: string | null, tileAttribution: string | null } };

export type MyWorkQueryVariables = Exact<{
  userId: string | number;
  contratId?: string | number | null | undefined;
}>;


export type MyWorkQuery = { deadlines: { nodes: Array<{ id: string, kind: DeadlineKind, label: string, dueDate: string, state: DeadlineState, dueIn: string, actionId: string | null, committeeId: string | null, conventionId: string | null, contratId: string | null }>, pageInfo: { hasNextPage: boolean } }, myNotifications: { nodes: Array<{ id: string, title: string, createdAt: string, readAt: string | null, escalation: boolean, deadline: { id: string, kind: DeadlineKind, actionId: string | null, committeeId: string | null, conventionId: string | null, contratId: string | null } }> } };

export type HomeContratFiguresQueryVariables = Exact<{
  contratId: string | number;
}>;


export type HomeContratFiguresQuery = { contratDashboard: { contratId: string, actionCount: number, overdueBilanCount: number, unsignedConventionCount: number, totals: { requestedCents: number, decidedCents: number, committedCents: number, paidCents: number } } };

export type MarkNotificationReadMutationVariables = Exact<{
  id: string | number;
}>;


export type MarkNotificationReadMutation = { markNotificationRead: { id: string, readAt: string | null } };

export type MarkAllNotificationsReadMutationVariables = Exact<{ [key: string]: never; }>;


export type MarkAllNotificationsReadMutation = { markAllNotificationsRead: number };

export type DeadlineProbeQueryVariables = Exact<{
  id: string | number;
}>;


export type DeadlineProbeQuery = { deadline: { id: string } };

export type DeadlineDetailQueryVariables = Exact<{
  id: string | number;
}>;


export type DeadlineDetailQuery = { deadline: { id: string, kind: DeadlineKind, label: string, dueDate: string, state: DeadlineState, dueIn: string, metAt: string | null, metNote: string | null, actionId: string | null, committeeId: string | null, conventionId: string | null, contratId: string | null, responsibles: Array<{ userId: string, displayName: string }> } };

export type DeadlineListQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
  filter?: DeadlineFilter | null | undefined;
}>;


export type DeadlineListQuery = { deadlines: { nodes: Array<{ id: string, kind: DeadlineKind, label: string, dueDate: string, state: DeadlineState, dueIn: string, actionId: string | null, committeeId: string | null, conventionId: string | null, contratId: string | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type DeadlineFilterChoicesQueryVariables = Exact<{ [key: string]: never; }>;


export type DeadlineFilterChoicesQuery = { contrats: Array<{ id: string, title: string }> };

export type DeadlineFilterCommitteesQueryVariables = Exact<{
  contratId: string | number;
}>;


export type DeadlineFilterCommitteesQuery = { committees: Array<{ id: string, title: string, scheduledAt: string }> };

export type DeadlineFilterActionQueryVariables = Exact<{
  id: string | number;
}>;


export type DeadlineFilterActionQuery = { action: { id: string, reference: string, title: string } };

export type DossierQueryVariables = Exact<{
  id: string | number;
}>;


export type DossierQuery = { action: { id: string, reference: string, status: ActionStatus, contratId: string, title: string, description: string, targetPublic: string, objectives: string, representativeName: string, representativeFunction: string, startDate: string, endDate: string, submittedAt: string | null, viewerMayFileDossier: boolean, porteur: { id: string, name: string, siret: string | null }, call: { id: string, title: string, closesAt: string | null, funders: Array<{ organisationId: string, name: string }> } | null, qpvs: Array<{ id: string }>, indicators: Array<{ label: string, target: number, unit: string, definitionId: string | null }>, budgetLines: Array<{ side: BudgetSide, account: string, label: string, plannedCents: number }>, fundingLines: Array<{ id: string, funderId: string, kind: FundingKind, amountRequestedCents: number }>, requiredPieces: Array<{ piece: { id: string, label: string, mandatory: boolean }, document: { id: string, fileName: string, downloadPath: string } | null }>, openComplementRequest: { id: string, fields: Array<DossierField>, pieceIds: Array<string>, message: string, dueDate: string } | null }, dossierCompleteness: { complete: boolean, missing: Array<{ field: string, message: string }> } };

export type DossierIndicatorCatalogueQueryVariables = Exact<{ [key: string]: never; }>;


export type DossierIndicatorCatalogueQuery = { indicatorDefinitions: Array<{ id: string, label: string, unit: string }> };

export type CreateDossierMutationVariables = Exact<{
  input: CreateDossierInput;
}>;


export type CreateDossierMutation = { createDossier: { id: string } };

export type UpdateDossierMutationVariables = Exact<{
  input: UpdateDossierInput;
}>;


export type UpdateDossierMutation = { updateDossier: { id: string } };

export type SubmitDossierMutationVariables = Exact<{
  id: string | number;
}>;


export type SubmitDossierMutation = { submitDossier: { id: string, status: ActionStatus } };

export type AnswerComplementsMutationVariables = Exact<{
  actionId: string | number;
}>;


export type AnswerComplementsMutation = { answerComplements: { id: string, answeredAt: string | null } };

export type ComplementsTargetQueryVariables = Exact<{
  id: string | number;
}>;


export type ComplementsTargetQuery = { action: { id: string, callId: string | null, viewerMayFileDossier: boolean, viewerMayRequestComplements: boolean, requiredPieces: Array<{ piece: { id: string, label: string } }>, openComplementRequest: { id: string, message: string, dueDate: string, fields: Array<DossierField> } | null } };

export type RequestComplementsMutationVariables = Exact<{
  input: RequestComplementsInput;
}>;


export type RequestComplementsMutation = { requestComplements: { id: string } };

export type PorteurSignupPreviewQueryVariables = Exact<{
  token: string;
}>;


export type PorteurSignupPreviewQuery = { porteurSignupPreview: { email: string, tenantName: string, organisationName: string, accountReady: boolean, expiresAt: string } };

export type CompletePorteurSignupMutationVariables = Exact<{
  input: CompletePorteurSignupInput;
}>;


export type CompletePorteurSignupMutation = { completePorteurSignup: { email: string, siren: string, tenantName: string, organisationId: string, callId: string | null } };

export type RequestPorteurSignupMutationVariables = Exact<{
  input: RequestPorteurSignupInput;
}>;


export type RequestPorteurSignupMutation = { requestPorteurSignup: boolean };

export type MyOrganisationQueryVariables = Exact<{ [key: string]: never; }>;


export type MyOrganisationQuery = { myOrganisation: { id: string, name: string, kind: OrganisationKind, siret: string | null, rna: string | null, legalForm: string | null, legalFormLabel: string | null, esus: boolean, iae: boolean, siaeType: SiaeType | null, ptce: boolean, addressLine: string | null, postalCode: string | null, city: string | null, contactEmail: string | null, contactPhone: string | null }, legalForms: Array<{ code: string, label: string }> };

export type UpdateMyOrganisationMutationVariables = Exact<{
  input: OrganisationIdentityInput;
}>;


export type UpdateMyOrganisationMutation = { updateMyOrganisation: { id: string } };

export type DeclareMyOrganisationMutationVariables = Exact<{
  input: OrganisationIdentityInput;
}>;


export type DeclareMyOrganisationMutation = { declareMyOrganisation: { id: string } };

export type MyColleaguesQueryVariables = Exact<{ [key: string]: never; }>;


export type MyColleaguesQuery = { myColleagues: Array<{ id: string, createdAt: string, user: { id: string, email: string, displayName: string } }>, myOrganisationInvitations: Array<{ id: string, email: string, displayName: string, sentAt: string, expiresAt: string }> };

export type InvitePorteurColleagueMutationVariables = Exact<{
  input: InvitePorteurColleagueInput;
}>;


export type InvitePorteurColleagueMutation = { invitePorteurColleague: { id: string } };

export type ResendPorteurColleagueInvitationMutationVariables = Exact<{
  id: string | number;
}>;


export type ResendPorteurColleagueInvitationMutation = { resendPorteurColleagueInvitation: { id: string } };

export type CancelPorteurColleagueInvitationMutationVariables = Exact<{
  id: string | number;
}>;


export type CancelPorteurColleagueInvitationMutation = { cancelPorteurColleagueInvitation: { id: string } };

export type PorteurSpaceQueryVariables = Exact<{ [key: string]: never; }>;


export type PorteurSpaceQuery = { actions: { nodes: Array<{ id: string, reference: string, title: string, status: ActionStatus, fundingLines: Array<{ id: string, exerciseYear: number, amountRequestedCents: number, decidedAmountCents: number | null, paidAmountCents: number | null, remainingCents: number | null, funder: { name: string } }> }> }, conventions: { nodes: Array<{ id: string, actionId: string, status: ConventionStatus, signedCount: number, signatoryCount: number, currentVersion: { id: string, signatories: Array<{ organisationId: string }>, signatures: Array<{ organisationId: string }> } }> }, deadlines: { nodes: Array<{ id: string, label: string, dueDate: string, dueIn: string, state: DeadlineState }> } };

export type WorkbookReportsQueryVariables = Exact<{ [key: string]: never; }>;


export type WorkbookReportsQuery = { reports: Array<{ id: string, kind: ReportKind, contratId: string | null, exerciseYear: number | null, state: ReportState, fileName: string | null, downloadPath: string | null, failureReason: string | null }> };

export type RequestWorkbookMutationVariables = Exact<{
  input: RequestReportInput;
}>;


export type RequestWorkbookMutation = { requestReport: { id: string, state: ReportState } };


export const ShellMeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ShellMe"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"platformAdmin"}}]}}]}}]} as unknown as DocumentNode<ShellMeQuery, ShellMeQueryVariables>;
export const TerritoryContratsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TerritoryContrats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"contrats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"startYear"}},{"kind":"Field","name":{"kind":"Name","value":"endYear"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"pillars"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"objectives"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"qpvs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"enVeille"}}]}}]}}]}}]} as unknown as DocumentNode<TerritoryContratsQuery, TerritoryContratsQueryVariables>;
export const MyTenantsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyTenants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myTenants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"organisationId"}},{"kind":"Field","name":{"kind":"Name","value":"permissions"}},{"kind":"Field","name":{"kind":"Name","value":"tenant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"siren"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"departements"}}]}}]}}]}}]} as unknown as DocumentNode<MyTenantsQuery, MyTenantsQueryVariables>;
export const LogoutEverywhereDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LogoutEverywhere"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"logoutEverywhere"}}]}}]} as unknown as DocumentNode<LogoutEverywhereMutation, LogoutEverywhereMutationVariables>;
export const ChangePasswordDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ChangePassword"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ChangePasswordInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"changePassword"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}]}]}}]} as unknown as DocumentNode<ChangePasswordMutation, ChangePasswordMutationVariables>;
export const RequestPasswordResetDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RequestPasswordReset"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RequestPasswordResetInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestPasswordReset"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}]}]}}]} as unknown as DocumentNode<RequestPasswordResetMutation, RequestPasswordResetMutationVariables>;
export const InvitationPreviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"InvitationPreview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"token"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"invitationPreview"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"token"},"value":{"kind":"Variable","name":{"kind":"Name","value":"token"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"tenantName"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"invitedBy"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"accountReady"}}]}}]}}]} as unknown as DocumentNode<InvitationPreviewQuery, InvitationPreviewQueryVariables>;
export const AcceptInvitationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AcceptInvitation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AcceptInvitationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"acceptInvitation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}]}]}}]} as unknown as DocumentNode<AcceptInvitationMutation, AcceptInvitationMutationVariables>;
export const DeclineInvitationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeclineInvitation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"token"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"declineInvitation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"token"},"value":{"kind":"Variable","name":{"kind":"Name","value":"token"}}}]}]}}]} as unknown as DocumentNode<DeclineInvitationMutation, DeclineInvitationMutationVariables>;
export const ResetPasswordDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ResetPassword"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ResetPasswordInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resetPassword"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}]}]}}]} as unknown as DocumentNode<ResetPasswordMutation, ResetPasswordMutationVariables>;
export const TransitionActionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TransitionAction"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"TransitionActionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"transitionAction"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]}}]} as unknown as DocumentNode<TransitionActionMutation, TransitionActionMutationVariables>;
export const GiveAvisDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"GiveAvis"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"GiveAvisInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"giveAvis"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"opinion"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}},{"kind":"Field","name":{"kind":"Name","value":"organisationId"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]}}]} as unknown as DocumentNode<GiveAvisMutation, GiveAvisMutationVariables>;
export const SetDauphinNumberDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetDauphinNumber"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetDauphinNumberInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setDauphinNumber"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"dauphinNumber"}}]}}]}}]} as unknown as DocumentNode<SetDauphinNumberMutation, SetDauphinNumberMutationVariables>;
export const ActionToEditDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ActionToEdit"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"action"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"startDate"}},{"kind":"Field","name":{"kind":"Name","value":"endDate"}},{"kind":"Field","name":{"kind":"Name","value":"totalBudgetCents"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"contratId"}},{"kind":"Field","name":{"kind":"Name","value":"editable"}},{"kind":"Field","name":{"kind":"Name","value":"pillar"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"objective"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"porteur"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"qpvs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"indicators"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}}]}},{"kind":"Field","name":{"kind":"Name","value":"fundingLines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"exerciseYear"}},{"kind":"Field","name":{"kind":"Name","value":"amountRequestedCents"}},{"kind":"Field","name":{"kind":"Name","value":"inKind"}},{"kind":"Field","name":{"kind":"Name","value":"pledge"}},{"kind":"Field","name":{"kind":"Name","value":"funder"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ActionToEditQuery, ActionToEditQueryVariables>;
export const UpdateActionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateAction"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateActionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateAction"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]}}]} as unknown as DocumentNode<UpdateActionMutation, UpdateActionMutationVariables>;
export const AddFundingLineDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddFundingLine"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AddFundingLineInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addFundingLine"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<AddFundingLineMutation, AddFundingLineMutationVariables>;
export const UpdateFundingLineDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateFundingLine"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateFundingLineInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateFundingLine"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<UpdateFundingLineMutation, UpdateFundingLineMutationVariables>;
export const RemoveFundingLineDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RemoveFundingLine"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removeFundingLine"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<RemoveFundingLineMutation, RemoveFundingLineMutationVariables>;
export const CreateActionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateAction"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateActionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createAction"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}}]}}]}}]} as unknown as DocumentNode<CreateActionMutation, CreateActionMutationVariables>;
export const ActionDossierDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ActionDossier"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"action"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"contratId"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"startDate"}},{"kind":"Field","name":{"kind":"Name","value":"endDate"}},{"kind":"Field","name":{"kind":"Name","value":"totalBudgetCents"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"allowedTransitions"}},{"kind":"Field","name":{"kind":"Name","value":"editable"}},{"kind":"Field","name":{"kind":"Name","value":"stepsDecidedElsewhere"}},{"kind":"Field","name":{"kind":"Name","value":"porteur"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"siret"}},{"kind":"Field","name":{"kind":"Name","value":"esus"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pillar"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}},{"kind":"Field","name":{"kind":"Name","value":"objective"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}},{"kind":"Field","name":{"kind":"Name","value":"qpvs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"enVeille"}}]}},{"kind":"Field","name":{"kind":"Name","value":"indicators"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}}]}},{"kind":"Field","name":{"kind":"Name","value":"viewerMayAttachDocuments"}},{"kind":"Field","name":{"kind":"Name","value":"documents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"contentType"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"sha256"}},{"kind":"Field","name":{"kind":"Name","value":"uploadedAt"}},{"kind":"Field","name":{"kind":"Name","value":"uploaderName"}},{"kind":"Field","name":{"kind":"Name","value":"downloadPath"}},{"kind":"Field","name":{"kind":"Name","value":"viewerMayDelete"}}]}},{"kind":"Field","name":{"kind":"Name","value":"bilans"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"exerciseYear"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"viewerMayAttachDocuments"}},{"kind":"Field","name":{"kind":"Name","value":"documents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"contentType"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"sha256"}},{"kind":"Field","name":{"kind":"Name","value":"uploadedAt"}},{"kind":"Field","name":{"kind":"Name","value":"uploaderName"}},{"kind":"Field","name":{"kind":"Name","value":"downloadPath"}},{"kind":"Field","name":{"kind":"Name","value":"viewerMayDelete"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"fundingLines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"dauphinNumber"}},{"kind":"Field","name":{"kind":"Name","value":"exerciseYear"}},{"kind":"Field","name":{"kind":"Name","value":"inKind"}},{"kind":"Field","name":{"kind":"Name","value":"pledge"}},{"kind":"Field","name":{"kind":"Name","value":"amountRequestedCents"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAmountCents"}},{"kind":"Field","name":{"kind":"Name","value":"committedAmountCents"}},{"kind":"Field","name":{"kind":"Name","value":"paidAmountCents"}},{"kind":"Field","name":{"kind":"Name","value":"remainingCents"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}},{"kind":"Field","name":{"kind":"Name","value":"funder"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"fundingTotals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestedCents"}},{"kind":"Field","name":{"kind":"Name","value":"balanceCents"}},{"kind":"Field","name":{"kind":"Name","value":"inKindCents"}},{"kind":"Field","name":{"kind":"Name","value":"pledgeCents"}}]}},{"kind":"Field","name":{"kind":"Name","value":"avis"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"opinion"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}},{"kind":"Field","name":{"kind":"Name","value":"organisationId"}},{"kind":"Field","name":{"kind":"Name","value":"authorUserId"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"committees"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"scheduledAt"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"conventions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"actionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<ActionDossierQuery, ActionDossierQueryVariables>;
export const ActionHistoryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ActionHistory"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"action"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"history"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"actorName"}},{"kind":"Field","name":{"kind":"Name","value":"operation"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}},{"kind":"Field","name":{"kind":"Name","value":"redacted"}},{"kind":"Field","name":{"kind":"Name","value":"committeeId"}},{"kind":"Field","name":{"kind":"Name","value":"conventionId"}},{"kind":"Field","name":{"kind":"Name","value":"changes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"before"}},{"kind":"Field","name":{"kind":"Name","value":"after"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ActionHistoryQuery, ActionHistoryQueryVariables>;
export const ActionDeadlinesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ActionDeadlines"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"actionId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deadlines"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"actionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"actionId"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"includeCancelled"},"value":{"kind":"BooleanValue","value":false}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"actionId"}},{"kind":"Field","name":{"kind":"Name","value":"conventionId"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"dueDate"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"dueIn"}},{"kind":"Field","name":{"kind":"Name","value":"exerciseYear"}},{"kind":"Field","name":{"kind":"Name","value":"metAt"}},{"kind":"Field","name":{"kind":"Name","value":"responsibles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}}]}}]} as unknown as DocumentNode<ActionDeadlinesQuery, ActionDeadlinesQueryVariables>;
export const ActionsListDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ActionsList"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ActionFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"actions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"startDate"}},{"kind":"Field","name":{"kind":"Name","value":"endDate"}},{"kind":"Field","name":{"kind":"Name","value":"totalBudgetCents"}},{"kind":"Field","name":{"kind":"Name","value":"porteur"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pillar"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}},{"kind":"Field","name":{"kind":"Name","value":"objective"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}},{"kind":"Field","name":{"kind":"Name","value":"qpvs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"fundingTotals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestedCents"}}]}},{"kind":"Field","name":{"kind":"Name","value":"fundingLines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAmountCents"}},{"kind":"Field","name":{"kind":"Name","value":"funder"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}}]}}]} as unknown as DocumentNode<ActionsListQuery, ActionsListQueryVariables>;
export const ActionOrganisationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ActionOrganisations"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organisations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}}]}}]} as unknown as DocumentNode<ActionOrganisationsQuery, ActionOrganisationsQueryVariables>;
export const IntegrationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Integrations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"apiKeys"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"scopes"}},{"kind":"Field","name":{"kind":"Name","value":"organisationId"}},{"kind":"Field","name":{"kind":"Name","value":"hint"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastUsedAt"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}},{"kind":"Field","name":{"kind":"Name","value":"replacesId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"webhookSubscriptions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"events"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"disabledAt"}}]}}]}}]} as unknown as DocumentNode<IntegrationsQuery, IntegrationsQueryVariables>;
export const CreateApiKeyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateApiKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateApiKeyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createApiKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"apiKey"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<CreateApiKeyMutation, CreateApiKeyMutationVariables>;
export const RotateApiKeyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RotateApiKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rotateApiKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"apiKey"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<RotateApiKeyMutation, RotateApiKeyMutationVariables>;
export const RevokeApiKeyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RevokeApiKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokeApiKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}}]}}]}}]} as unknown as DocumentNode<RevokeApiKeyMutation, RevokeApiKeyMutationVariables>;
export const SubscribeWebhookDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SubscribeWebhook"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SubscribeWebhookInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subscribeWebhook"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"secret"}},{"kind":"Field","name":{"kind":"Name","value":"subscription"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}}]}}]}}]} as unknown as DocumentNode<SubscribeWebhookMutation, SubscribeWebhookMutationVariables>;
export const DisableWebhookDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DisableWebhook"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"disableWebhook"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"disabledAt"}}]}}]}}]} as unknown as DocumentNode<DisableWebhookMutation, DisableWebhookMutationVariables>;
export const WebhookDeliveriesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebhookDeliveries"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"WebhookDeliveriesFilter"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"webhookDeliveries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"eventType"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"replays"}},{"kind":"Field","name":{"kind":"Name","value":"lastStatusCode"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"deliveredAt"}}]}}]}}]} as unknown as DocumentNode<WebhookDeliveriesQuery, WebhookDeliveriesQueryVariables>;
export const ReplayDeliveryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReplayDelivery"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"replayWebhookDelivery"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"replays"}}]}}]}}]} as unknown as DocumentNode<ReplayDeliveryMutation, ReplayDeliveryMutationVariables>;
export const TenantMembersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TenantMembers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"members"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"includeRevoked"},"value":{"kind":"BooleanValue","value":true}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"organisationId"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"roleRules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"permissions"}},{"kind":"Field","name":{"kind":"Name","value":"organisationBound"}}]}}]}}]} as unknown as DocumentNode<TenantMembersQuery, TenantMembersQueryVariables>;
export const MemberOrganisationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MemberOrganisations"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organisations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}}]}}]} as unknown as DocumentNode<MemberOrganisationsQuery, MemberOrganisationsQueryVariables>;
export const InviteMemberDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"InviteMember"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"InviteMemberInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"inviteMember"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]} as unknown as DocumentNode<InviteMemberMutation, InviteMemberMutationVariables>;
export const TenantInvitationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TenantInvitations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"invitations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"organisationId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"sentAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]} as unknown as DocumentNode<TenantInvitationsQuery, TenantInvitationsQueryVariables>;
export const ResendInvitationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ResendInvitation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"invitationId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resendInvitation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"invitationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"invitationId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sentAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]} as unknown as DocumentNode<ResendInvitationMutation, ResendInvitationMutationVariables>;
export const CancelInvitationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CancelInvitation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"invitationId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cancelInvitation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"invitationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"invitationId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<CancelInvitationMutation, CancelInvitationMutationVariables>;
export const ChangeMemberRoleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ChangeMemberRole"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ChangeMemberRoleInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"changeMemberRole"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"organisationId"}}]}}]}}]} as unknown as DocumentNode<ChangeMemberRoleMutation, ChangeMemberRoleMutationVariables>;
export const RevokeMembershipDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RevokeMembership"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"membershipId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokeMembership"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"membershipId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"membershipId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}}]}}]}}]} as unknown as DocumentNode<RevokeMembershipMutation, RevokeMembershipMutationVariables>;
export const PartnerListDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PartnerList"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"kind"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"OrganisationKind"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organisations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"kind"},"value":{"kind":"Variable","name":{"kind":"Name","value":"kind"}}},{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"siret"}},{"kind":"Field","name":{"kind":"Name","value":"esus"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}}]}}]} as unknown as DocumentNode<PartnerListQuery, PartnerListQueryVariables>;
export const CreatePartnerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreatePartner"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateOrganisationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createOrganisation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<CreatePartnerMutation, CreatePartnerMutationVariables>;
export const UpdatePartnerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdatePartner"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateOrganisationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateOrganisation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"siret"}},{"kind":"Field","name":{"kind":"Name","value":"esus"}}]}}]}}]} as unknown as DocumentNode<UpdatePartnerMutation, UpdatePartnerMutationVariables>;
export const ImportQpvContoursDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ImportQpvContours"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ImportQpvContoursInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"importQpvContours"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"applied"}},{"kind":"Field","name":{"kind":"Name","value":"created"}},{"kind":"Field","name":{"kind":"Name","value":"updated"}},{"kind":"Field","name":{"kind":"Name","value":"skipped"}},{"kind":"Field","name":{"kind":"Name","value":"withoutContour"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"feature"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ImportQpvContoursMutation, ImportQpvContoursMutationVariables>;
export const QpvsListDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"QpvsList"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"generation"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"QpvGeneration"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"qpvs"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"generation"},"value":{"kind":"Variable","name":{"kind":"Name","value":"generation"}}},{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"communes"}},{"kind":"Field","name":{"kind":"Name","value":"generation"}},{"kind":"Field","name":{"kind":"Name","value":"enVeille"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}}]}}]} as unknown as DocumentNode<QpvsListQuery, QpvsListQueryVariables>;
export const ImportQpvsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ImportQpvs"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ImportQpvsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"importQpvs"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"applied"}},{"kind":"Field","name":{"kind":"Name","value":"created"}},{"kind":"Field","name":{"kind":"Name","value":"updated"}},{"kind":"Field","name":{"kind":"Name","value":"unchanged"}},{"kind":"Field","name":{"kind":"Name","value":"skipped"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"line"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ImportQpvsMutation, ImportQpvsMutationVariables>;
export const TenantSettingsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TenantSettings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tenantSettings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reminderSteps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"offsetDays"}},{"kind":"Field","name":{"kind":"Name","value":"escalation"}}]}},{"kind":"Field","name":{"kind":"Name","value":"senderName"}},{"kind":"Field","name":{"kind":"Name","value":"timeZone"}},{"kind":"Field","name":{"kind":"Name","value":"signatureDelayDays"}},{"kind":"Field","name":{"kind":"Name","value":"agendaFreezeDays"}},{"kind":"Field","name":{"kind":"Name","value":"bilanDelayMonths"}},{"kind":"Field","name":{"kind":"Name","value":"paymentDelayDays"}}]}}]}}]} as unknown as DocumentNode<TenantSettingsQuery, TenantSettingsQueryVariables>;
export const UpdateTenantSettingsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateTenantSettings"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateTenantSettingsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateTenantSettings"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reminderSteps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"offsetDays"}},{"kind":"Field","name":{"kind":"Name","value":"escalation"}}]}},{"kind":"Field","name":{"kind":"Name","value":"senderName"}},{"kind":"Field","name":{"kind":"Name","value":"timeZone"}},{"kind":"Field","name":{"kind":"Name","value":"signatureDelayDays"}},{"kind":"Field","name":{"kind":"Name","value":"agendaFreezeDays"}},{"kind":"Field","name":{"kind":"Name","value":"bilanDelayMonths"}},{"kind":"Field","name":{"kind":"Name","value":"paymentDelayDays"}}]}}]}}]} as unknown as DocumentNode<UpdateTenantSettingsMutation, UpdateTenantSettingsMutationVariables>;
export const CallListDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CallList"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"contratId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"calls"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"contratId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"contratId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"exercise"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"closesAtLocal"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"time"}}]}},{"kind":"Field","name":{"kind":"Name","value":"dossierCount"}}]}}]}}]} as unknown as DocumentNode<CallListQuery, CallListQueryVariables>;
export const CallDetailDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CallDetail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"call"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"contratId"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"exercise"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"opensAtLocal"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"time"}}]}},{"kind":"Field","name":{"kind":"Name","value":"closesAtLocal"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"time"}}]}},{"kind":"Field","name":{"kind":"Name","value":"instructionDueDate"}},{"kind":"Field","name":{"kind":"Name","value":"committeeDate"}},{"kind":"Field","name":{"kind":"Name","value":"eligibleKinds"}},{"kind":"Field","name":{"kind":"Name","value":"dossierCount"}},{"kind":"Field","name":{"kind":"Name","value":"pillars"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}},{"kind":"Field","name":{"kind":"Name","value":"objectives"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}},{"kind":"Field","name":{"kind":"Name","value":"qpvs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"funders"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organisationId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"envelopeCents"}},{"kind":"Field","name":{"kind":"Name","value":"internalNote"}}]}},{"kind":"Field","name":{"kind":"Name","value":"requiredPieces"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"mandatory"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}}]}}]}}]} as unknown as DocumentNode<CallDetailQuery, CallDetailQueryVariables>;
export const CallFormDataDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CallFormData"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"contratId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"contrat"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"contratId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"pillars"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"objectives"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"qpvs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"organisations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<CallFormDataQuery, CallFormDataQueryVariables>;
export const CreateCallDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateCall"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateCallInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createCall"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<CreateCallMutation, CreateCallMutationVariables>;
export const UpdateCallDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateCall"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateCallInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateCall"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<UpdateCallMutation, UpdateCallMutationVariables>;
export const SetCallPiecesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetCallPieces"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"callId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"pieces"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CallPieceInput"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setCallRequiredPieces"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"callId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"callId"}}},{"kind":"Argument","name":{"kind":"Name","value":"pieces"},"value":{"kind":"Variable","name":{"kind":"Name","value":"pieces"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<SetCallPiecesMutation, SetCallPiecesMutationVariables>;
export const PublishCallDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PublishCall"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"publishCall"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<PublishCallMutation, PublishCallMutationVariables>;
export const CloseCallDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CloseCall"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"closeCall"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<CloseCallMutation, CloseCallMutationVariables>;
export const CancelCallDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CancelCall"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cancelCall"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<CancelCallMutation, CancelCallMutationVariables>;
export const DeleteCallDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteCall"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteCall"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}]}}]} as unknown as DocumentNode<DeleteCallMutation, DeleteCallMutationVariables>;
export const PublicCallsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PublicCalls"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"siren"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"publicCalls"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"siren"},"value":{"kind":"Variable","name":{"kind":"Name","value":"siren"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"territoryName"}},{"kind":"Field","name":{"kind":"Name","value":"siren"}},{"kind":"Field","name":{"kind":"Name","value":"calls"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"exercise"}},{"kind":"Field","name":{"kind":"Name","value":"open"}},{"kind":"Field","name":{"kind":"Name","value":"opensAtLocal"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"time"}}]}},{"kind":"Field","name":{"kind":"Name","value":"closesAtLocal"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"time"}}]}}]}}]}}]}}]} as unknown as DocumentNode<PublicCallsQuery, PublicCallsQueryVariables>;
export const PublicCallDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PublicCall"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"siren"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"publicCall"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"siren"},"value":{"kind":"Variable","name":{"kind":"Name","value":"siren"}}},{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"exercise"}},{"kind":"Field","name":{"kind":"Name","value":"open"}},{"kind":"Field","name":{"kind":"Name","value":"timeZone"}},{"kind":"Field","name":{"kind":"Name","value":"opensAtLocal"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"time"}}]}},{"kind":"Field","name":{"kind":"Name","value":"closesAtLocal"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"time"}}]}},{"kind":"Field","name":{"kind":"Name","value":"instructionDueDate"}},{"kind":"Field","name":{"kind":"Name","value":"committeeDate"}},{"kind":"Field","name":{"kind":"Name","value":"eligibleKinds"}},{"kind":"Field","name":{"kind":"Name","value":"pillars"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}}]}},{"kind":"Field","name":{"kind":"Name","value":"objectives"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}},{"kind":"Field","name":{"kind":"Name","value":"qpvs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"funders"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"envelopeCents"}}]}},{"kind":"Field","name":{"kind":"Name","value":"requiredPieces"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"mandatory"}}]}}]}}]}}]} as unknown as DocumentNode<PublicCallQuery, PublicCallQueryVariables>;
export const BilanSheetDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BilanSheet"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"actionId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"exerciseYear"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"bilanSheet"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"actionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"actionId"}}},{"kind":"Argument","name":{"kind":"Name","value":"exerciseYear"},"value":{"kind":"Variable","name":{"kind":"Name","value":"exerciseYear"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"actionId"}},{"kind":"Field","name":{"kind":"Name","value":"actionReference"}},{"kind":"Field","name":{"kind":"Name","value":"actionTitle"}},{"kind":"Field","name":{"kind":"Name","value":"porteurName"}},{"kind":"Field","name":{"kind":"Name","value":"exerciseYear"}},{"kind":"Field","name":{"kind":"Name","value":"exercises"}},{"kind":"Field","name":{"kind":"Name","value":"exerciseEnded"}},{"kind":"Field","name":{"kind":"Name","value":"viewerMayFile"}},{"kind":"Field","name":{"kind":"Name","value":"viewerMayReview"}},{"kind":"Field","name":{"kind":"Name","value":"report"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"qualitative"}},{"kind":"Field","name":{"kind":"Name","value":"correctionsMessage"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"acceptedAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"budgetLines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"budgetLineId"}},{"kind":"Field","name":{"kind":"Name","value":"side"}},{"kind":"Field","name":{"kind":"Name","value":"account"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"plannedCents"}},{"kind":"Field","name":{"kind":"Name","value":"realisedCents"}},{"kind":"Field","name":{"kind":"Name","value":"explanation"}},{"kind":"Field","name":{"kind":"Name","value":"explanationRequired"}}]}},{"kind":"Field","name":{"kind":"Name","value":"funderShares"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fundingLineId"}},{"kind":"Field","name":{"kind":"Name","value":"funderName"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"plannedCents"}},{"kind":"Field","name":{"kind":"Name","value":"realisedCents"}},{"kind":"Field","name":{"kind":"Name","value":"explanation"}},{"kind":"Field","name":{"kind":"Name","value":"explanationRequired"}}]}},{"kind":"Field","name":{"kind":"Name","value":"indicators"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"actionIndicatorId"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"definitionCode"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]}}]} as unknown as DocumentNode<BilanSheetQuery, BilanSheetQueryVariables>;
export const SaveBilanDraftDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SaveBilanDraft"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SaveBilanDraftInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"saveBilanDraft"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"actionId"}},{"kind":"Field","name":{"kind":"Name","value":"report"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<SaveBilanDraftMutation, SaveBilanDraftMutationVariables>;
export const SubmitBilanDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SubmitBilan"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"BilanRefInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submitBilan"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"actionId"}},{"kind":"Field","name":{"kind":"Name","value":"report"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<SubmitBilanMutation, SubmitBilanMutationVariables>;
export const AcceptBilanDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AcceptBilan"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"BilanRefInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"acceptBilan"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"actionId"}},{"kind":"Field","name":{"kind":"Name","value":"report"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<AcceptBilanMutation, AcceptBilanMutationVariables>;
export const RequestBilanCorrectionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RequestBilanCorrections"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RequestBilanCorrectionsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestBilanCorrections"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"actionId"}},{"kind":"Field","name":{"kind":"Name","value":"report"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<RequestBilanCorrectionsMutation, RequestBilanCorrectionsMutationVariables>;
export const IndicatorCatalogueDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"IndicatorCatalogue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"indicatorDefinitions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"aggregation"}},{"kind":"Field","name":{"kind":"Name","value":"weightDefinitionId"}},{"kind":"Field","name":{"kind":"Name","value":"pillar"}}]}}]}}]} as unknown as DocumentNode<IndicatorCatalogueQuery, IndicatorCatalogueQueryVariables>;
export const CreateIndicatorDefinitionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateIndicatorDefinition"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateIndicatorDefinitionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createIndicatorDefinition"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<CreateIndicatorDefinitionMutation, CreateIndicatorDefinitionMutationVariables>;
export const DeleteIndicatorDefinitionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteIndicatorDefinition"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteIndicatorDefinition"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}]}}]} as unknown as DocumentNode<DeleteIndicatorDefinitionMutation, DeleteIndicatorDefinitionMutationVariables>;
export const ArbitrationQueueDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ArbitrationQueue"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"contratId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"actions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"contratId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"contratId"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"status"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"A_ARBITRER"}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"porteur"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"fundingTotals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestedCents"}}]}},{"kind":"Field","name":{"kind":"Name","value":"openCommitteeId"}}]}}]}}]}}]} as unknown as DocumentNode<ArbitrationQueueQuery, ArbitrationQueueQueryVariables>;
export const AddAgendaItemsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddAgendaItems"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"committeeId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"actionIds"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addAgendaItems"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"committeeId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"committeeId"}}},{"kind":"Argument","name":{"kind":"Name","value":"actionIds"},"value":{"kind":"Variable","name":{"kind":"Name","value":"actionIds"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<AddAgendaItemsMutation, AddAgendaItemsMutationVariables>;
export const RemoveAgendaItemDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RemoveAgendaItem"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"agendaItemId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removeAgendaItem"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"agendaItemId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"agendaItemId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<RemoveAgendaItemMutation, RemoveAgendaItemMutationVariables>;
export const SetCommitteeAttendanceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetCommitteeAttendance"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetCommitteeAttendanceInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setCommitteeAttendance"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organisationId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"representativeName"}}]}}]}}]} as unknown as DocumentNode<SetCommitteeAttendanceMutation, SetCommitteeAttendanceMutationVariables>;
export const CommitteeDetailDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CommitteeDetail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"committee"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"quorum"}},{"kind":"Field","name":{"kind":"Name","value":"viewerMayEdit"}},{"kind":"Field","name":{"kind":"Name","value":"viewerMayOpenVote"}},{"kind":"Field","name":{"kind":"Name","value":"openVoteRefusal"}},{"kind":"Field","name":{"kind":"Name","value":"viewerMayClose"}},{"kind":"Field","name":{"kind":"Name","value":"votersWhoVoted"}},{"kind":"Field","name":{"kind":"Name","value":"quorumReached"}},{"kind":"Field","name":{"kind":"Name","value":"place"}},{"kind":"Field","name":{"kind":"Name","value":"scheduledAt"}},{"kind":"Field","name":{"kind":"Name","value":"openedAt"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}},{"kind":"Field","name":{"kind":"Name","value":"contratId"}},{"kind":"Field","name":{"kind":"Name","value":"members"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organisationId"}},{"kind":"Field","name":{"kind":"Name","value":"voting"}}]}},{"kind":"Field","name":{"kind":"Name","value":"membersFromDefault"}},{"kind":"Field","name":{"kind":"Name","value":"memberCandidates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organisationId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"funder"}},{"kind":"Field","name":{"kind":"Name","value":"signatory"}}]}},{"kind":"Field","name":{"kind":"Name","value":"defaultMembership"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"savedAt"}},{"kind":"Field","name":{"kind":"Name","value":"members"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organisationId"}},{"kind":"Field","name":{"kind":"Name","value":"voting"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"attendance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organisationId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"representativeName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"agendaItems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"actionId"}},{"kind":"Field","name":{"kind":"Name","value":"action"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"totalBudgetCents"}},{"kind":"Field","name":{"kind":"Name","value":"porteur"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"avis"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"opinion"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}},{"kind":"Field","name":{"kind":"Name","value":"organisationId"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"conflictsOfInterest"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organisationId"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"viewerMayVote"}},{"kind":"Field","name":{"kind":"Name","value":"viewerVoteRefusal"}},{"kind":"Field","name":{"kind":"Name","value":"viewerVoteRefusalCode"}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fundingLineId"}},{"kind":"Field","name":{"kind":"Name","value":"funderId"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"exerciseYear"}},{"kind":"Field","name":{"kind":"Name","value":"amountRequestedCents"}},{"kind":"Field","name":{"kind":"Name","value":"decision"}},{"kind":"Field","name":{"kind":"Name","value":"votedAmountCents"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}},{"kind":"Field","name":{"kind":"Name","value":"funderHasAccount"}},{"kind":"Field","name":{"kind":"Name","value":"viewerMayRecordOnBehalf"}},{"kind":"Field","name":{"kind":"Name","value":"viewerOnBehalfRefusal"}},{"kind":"Field","name":{"kind":"Name","value":"onBehalf"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordedByName"}},{"kind":"Field","name":{"kind":"Name","value":"mandateAuthor"}},{"kind":"Field","name":{"kind":"Name","value":"mandateDocument"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"downloadPath"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"results"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"agendaItemId"}},{"kind":"Field","name":{"kind":"Name","value":"actionId"}},{"kind":"Field","name":{"kind":"Name","value":"actionStatus"}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fundingLineId"}},{"kind":"Field","name":{"kind":"Name","value":"funderId"}},{"kind":"Field","name":{"kind":"Name","value":"amountRequestedCents"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAmountCents"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"byFunder"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"funderId"}},{"kind":"Field","name":{"kind":"Name","value":"requestedCents"}},{"kind":"Field","name":{"kind":"Name","value":"decidedCents"}}]}},{"kind":"Field","name":{"kind":"Name","value":"envelopes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"funderId"}},{"kind":"Field","name":{"kind":"Name","value":"exerciseYear"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"consumedCents"}},{"kind":"Field","name":{"kind":"Name","value":"remainingCents"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"organisations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<CommitteeDetailQuery, CommitteeDetailQueryVariables>;
export const CommitteeListDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CommitteeList"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"contratId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"committees"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"contratId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"contratId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"scheduledAt"}},{"kind":"Field","name":{"kind":"Name","value":"place"}},{"kind":"Field","name":{"kind":"Name","value":"quorum"}},{"kind":"Field","name":{"kind":"Name","value":"agendaItems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<CommitteeListQuery, CommitteeListQueryVariables>;
export const ScheduleCommitteeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ScheduleCommittee"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ScheduleCommitteeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"scheduleCommittee"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<ScheduleCommitteeMutation, ScheduleCommitteeMutationVariables>;
export const CommitteeEnvelopesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CommitteeEnvelopes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"contratId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"funderId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"envelopes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"contratId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"contratId"}}},{"kind":"Argument","name":{"kind":"Name","value":"funderId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"funderId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"funderId"}},{"kind":"Field","name":{"kind":"Name","value":"exerciseYear"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"consumedCents"}},{"kind":"Field","name":{"kind":"Name","value":"remainingCents"}}]}}]}}]} as unknown as DocumentNode<CommitteeEnvelopesQuery, CommitteeEnvelopesQueryVariables>;
export const SetCommitteeEnvelopeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetCommitteeEnvelope"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetEnvelopeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setEnvelope"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"remainingCents"}}]}}]}}]} as unknown as DocumentNode<SetCommitteeEnvelopeMutation, SetCommitteeEnvelopeMutationVariables>;
export const OpenVoteDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"OpenVote"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"committeeId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"openVote"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"committeeId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"committeeId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<OpenVoteMutation, OpenVoteMutationVariables>;
export const CloseCommitteeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CloseCommittee"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"committeeId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"closeCommittee"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"committeeId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"committeeId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<CloseCommitteeMutation, CloseCommitteeMutationVariables>;
export const SetCommitteeMembersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetCommitteeMembers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetCommitteeMembersInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setCommitteeMembers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"quorum"}},{"kind":"Field","name":{"kind":"Name","value":"members"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organisationId"}},{"kind":"Field","name":{"kind":"Name","value":"voting"}}]}}]}}]}}]} as unknown as DocumentNode<SetCommitteeMembersMutation, SetCommitteeMembersMutationVariables>;
export const SaveCommitteeMembersAsDefaultDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SaveCommitteeMembersAsDefault"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"committeeId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"saveCommitteeMembersAsDefault"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"committeeId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"committeeId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"savedAt"}},{"kind":"Field","name":{"kind":"Name","value":"quorum"}},{"kind":"Field","name":{"kind":"Name","value":"members"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organisationId"}},{"kind":"Field","name":{"kind":"Name","value":"voting"}}]}}]}}]}}]} as unknown as DocumentNode<SaveCommitteeMembersAsDefaultMutation, SaveCommitteeMembersAsDefaultMutationVariables>;
export const CommitteeReportsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CommitteeReports"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reports"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"committeeId"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"downloadPath"}},{"kind":"Field","name":{"kind":"Name","value":"failureReason"}},{"kind":"Field","name":{"kind":"Name","value":"requestedAt"}}]}}]}}]} as unknown as DocumentNode<CommitteeReportsQuery, CommitteeReportsQueryVariables>;
export const RequestMinutesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RequestMinutes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RequestReportInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}}]}}]}}]} as unknown as DocumentNode<RequestMinutesMutation, RequestMinutesMutationVariables>;
export const CastVoteOnBehalfDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CastVoteOnBehalf"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CastVoteOnBehalfInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"castVoteOnBehalf"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"decision"}},{"kind":"Field","name":{"kind":"Name","value":"amountCents"}}]}}]}}]} as unknown as DocumentNode<CastVoteOnBehalfMutation, CastVoteOnBehalfMutationVariables>;
export const CastVoteDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CastVote"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CastVoteInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"castVote"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"decision"}},{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}}]}}]}}]} as unknown as DocumentNode<CastVoteMutation, CastVoteMutationVariables>;
export const ConventionActionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConventionAction"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"action"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"porteur"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<ConventionActionQuery, ConventionActionQueryVariables>;
export const ConventionTextDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConventionText"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"versionId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"conventionText"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"versionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"versionId"}}}]}]}}]} as unknown as DocumentNode<ConventionTextQuery, ConventionTextQueryVariables>;
export const SignConventionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SignConvention"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SignConventionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signConvention"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"signedCount"}},{"kind":"Field","name":{"kind":"Name","value":"signatoryCount"}}]}}]}}]} as unknown as DocumentNode<SignConventionMutation, SignConventionMutationVariables>;
export const ActionConventionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ActionConvention"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"actionId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"conventions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"actionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"actionId"}}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"currentVersion"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ActionConventionQuery, ActionConventionQueryVariables>;
export const SignConventionOnBehalfDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SignConventionOnBehalf"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SignConventionOnBehalfInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signConventionOnBehalf"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"signedCount"}},{"kind":"Field","name":{"kind":"Name","value":"signatoryCount"}}]}}]}}]} as unknown as DocumentNode<SignConventionOnBehalfMutation, SignConventionOnBehalfMutationVariables>;
export const SetPaymentScheduleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetPaymentSchedule"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetPaymentScheduleInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setPaymentSchedule"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<SetPaymentScheduleMutation, SetPaymentScheduleMutationVariables>;
export const ConventionListDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConventionList"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ConventionFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"conventions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"actionId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"sequential"}},{"kind":"Field","name":{"kind":"Name","value":"signedCount"}},{"kind":"Field","name":{"kind":"Name","value":"signatoryCount"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"viewerMayAttachDocuments"}},{"kind":"Field","name":{"kind":"Name","value":"documents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"contentType"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"sha256"}},{"kind":"Field","name":{"kind":"Name","value":"uploadedAt"}},{"kind":"Field","name":{"kind":"Name","value":"uploaderName"}},{"kind":"Field","name":{"kind":"Name","value":"downloadPath"}},{"kind":"Field","name":{"kind":"Name","value":"viewerMayDelete"}}]}},{"kind":"Field","name":{"kind":"Name","value":"currentVersion"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"hash"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"signatories"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"organisationId"}},{"kind":"Field","name":{"kind":"Name","value":"organisation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"advancePercent"}},{"kind":"Field","name":{"kind":"Name","value":"advanceCents"}},{"kind":"Field","name":{"kind":"Name","value":"balancePercent"}},{"kind":"Field","name":{"kind":"Name","value":"bilanDueDate"}},{"kind":"Field","name":{"kind":"Name","value":"tranches"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"percent"}},{"kind":"Field","name":{"kind":"Name","value":"dueDate"}},{"kind":"Field","name":{"kind":"Name","value":"condition"}}]}},{"kind":"Field","name":{"kind":"Name","value":"viewerMaySignOnBehalf"}}]}},{"kind":"Field","name":{"kind":"Name","value":"signatures"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organisationId"}},{"kind":"Field","name":{"kind":"Name","value":"signedAt"}},{"kind":"Field","name":{"kind":"Name","value":"onBehalf"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signerName"}},{"kind":"Field","name":{"kind":"Name","value":"signerQuality"}},{"kind":"Field","name":{"kind":"Name","value":"recordedByName"}},{"kind":"Field","name":{"kind":"Name","value":"mandateAuthor"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<ConventionListQuery, ConventionListQueryVariables>;
export const ContratDashboardDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ContratDashboard"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"contratId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"exerciseYear"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"contratDashboard"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"contratId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"contratId"}}},{"kind":"Argument","name":{"kind":"Name","value":"exerciseYear"},"value":{"kind":"Variable","name":{"kind":"Name","value":"exerciseYear"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"contratId"}},{"kind":"Field","name":{"kind":"Name","value":"totals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestedCents"}},{"kind":"Field","name":{"kind":"Name","value":"decidedCents"}},{"kind":"Field","name":{"kind":"Name","value":"committedCents"}},{"kind":"Field","name":{"kind":"Name","value":"paidCents"}}]}},{"kind":"Field","name":{"kind":"Name","value":"actionCount"}},{"kind":"Field","name":{"kind":"Name","value":"essActionCount"}},{"kind":"Field","name":{"kind":"Name","value":"overdueBilanCount"}},{"kind":"Field","name":{"kind":"Name","value":"unsignedConventionCount"}},{"kind":"Field","name":{"kind":"Name","value":"cells"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pillarId"}},{"kind":"Field","name":{"kind":"Name","value":"pillarTitle"}},{"kind":"Field","name":{"kind":"Name","value":"funderName"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"exerciseYear"}},{"kind":"Field","name":{"kind":"Name","value":"requestedCents"}},{"kind":"Field","name":{"kind":"Name","value":"decidedCents"}},{"kind":"Field","name":{"kind":"Name","value":"committedCents"}},{"kind":"Field","name":{"kind":"Name","value":"paidCents"}}]}},{"kind":"Field","name":{"kind":"Name","value":"actionsByStatus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"qpvs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"qpvId"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"actionCount"}},{"kind":"Field","name":{"kind":"Name","value":"requestedCents"}},{"kind":"Field","name":{"kind":"Name","value":"decidedCents"}},{"kind":"Field","name":{"kind":"Name","value":"committedCents"}},{"kind":"Field","name":{"kind":"Name","value":"paidCents"}},{"kind":"Field","name":{"kind":"Name","value":"coordinates"}}]}},{"kind":"Field","name":{"kind":"Name","value":"envelopes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"funderId"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"exerciseYear"}},{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"consumedCents"}},{"kind":"Field","name":{"kind":"Name","value":"remainingCents"}}]}},{"kind":"Field","name":{"kind":"Name","value":"leverage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"creditsSpecifiques"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"decidedCents"}}]}},{"kind":"Field","name":{"kind":"Name","value":"droitCommun"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"decidedCents"}}]}},{"kind":"Field","name":{"kind":"Name","value":"autres"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"decidedCents"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"trend"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"exerciseYear"}},{"kind":"Field","name":{"kind":"Name","value":"actionCount"}},{"kind":"Field","name":{"kind":"Name","value":"requestedCents"}},{"kind":"Field","name":{"kind":"Name","value":"decidedCents"}},{"kind":"Field","name":{"kind":"Name","value":"committedCents"}},{"kind":"Field","name":{"kind":"Name","value":"paidCents"}}]}},{"kind":"Field","name":{"kind":"Name","value":"indicators"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"aggregation"}},{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"realised"}},{"kind":"Field","name":{"kind":"Name","value":"targetActionCount"}},{"kind":"Field","name":{"kind":"Name","value":"realisedActionCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"indicatorGroups"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dimension"}},{"kind":"Field","name":{"kind":"Name","value":"groupId"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"indicators"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"realised"}},{"kind":"Field","name":{"kind":"Name","value":"realisedActionCount"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ContratDashboardQuery, ContratDashboardQueryVariables>;
export const DepartementDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Departement"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"departement"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"exerciseYear"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"departementDashboard"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"departement"},"value":{"kind":"Variable","name":{"kind":"Name","value":"departement"}}},{"kind":"Argument","name":{"kind":"Name","value":"exerciseYear"},"value":{"kind":"Variable","name":{"kind":"Name","value":"exerciseYear"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"departement"}},{"kind":"Field","name":{"kind":"Name","value":"exerciseYear"}},{"kind":"Field","name":{"kind":"Name","value":"territories"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tenantId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"contrats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tenantId"}},{"kind":"Field","name":{"kind":"Name","value":"siren"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"contratId"}},{"kind":"Field","name":{"kind":"Name","value":"contratTitle"}},{"kind":"Field","name":{"kind":"Name","value":"startYear"}},{"kind":"Field","name":{"kind":"Name","value":"endYear"}},{"kind":"Field","name":{"kind":"Name","value":"totals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestedCents"}},{"kind":"Field","name":{"kind":"Name","value":"decidedCents"}},{"kind":"Field","name":{"kind":"Name","value":"committedCents"}},{"kind":"Field","name":{"kind":"Name","value":"paidCents"}}]}},{"kind":"Field","name":{"kind":"Name","value":"actionCount"}},{"kind":"Field","name":{"kind":"Name","value":"essActionCount"}},{"kind":"Field","name":{"kind":"Name","value":"overdueBilanCount"}},{"kind":"Field","name":{"kind":"Name","value":"unsignedConventionCount"}},{"kind":"Field","name":{"kind":"Name","value":"leverage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"creditsSpecifiques"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"decidedCents"}}]}},{"kind":"Field","name":{"kind":"Name","value":"droitCommun"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"decidedCents"}}]}},{"kind":"Field","name":{"kind":"Name","value":"autres"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"decidedCents"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"qpvs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"qpvId"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"actionCount"}},{"kind":"Field","name":{"kind":"Name","value":"requestedCents"}},{"kind":"Field","name":{"kind":"Name","value":"decidedCents"}},{"kind":"Field","name":{"kind":"Name","value":"committedCents"}},{"kind":"Field","name":{"kind":"Name","value":"paidCents"}},{"kind":"Field","name":{"kind":"Name","value":"coordinates"}}]}},{"kind":"Field","name":{"kind":"Name","value":"qpvIndicators"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dimension"}},{"kind":"Field","name":{"kind":"Name","value":"groupId"}},{"kind":"Field","name":{"kind":"Name","value":"indicators"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"realised"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"totals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestedCents"}},{"kind":"Field","name":{"kind":"Name","value":"decidedCents"}},{"kind":"Field","name":{"kind":"Name","value":"committedCents"}},{"kind":"Field","name":{"kind":"Name","value":"paidCents"}}]}},{"kind":"Field","name":{"kind":"Name","value":"actionCount"}},{"kind":"Field","name":{"kind":"Name","value":"essActionCount"}},{"kind":"Field","name":{"kind":"Name","value":"overdueBilanCount"}},{"kind":"Field","name":{"kind":"Name","value":"unsignedConventionCount"}},{"kind":"Field","name":{"kind":"Name","value":"leverage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"creditsSpecifiques"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"decidedCents"}}]}},{"kind":"Field","name":{"kind":"Name","value":"droitCommun"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"decidedCents"}}]}},{"kind":"Field","name":{"kind":"Name","value":"autres"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"decidedCents"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"byPillar"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pillarTitle"}},{"kind":"Field","name":{"kind":"Name","value":"requestedCents"}},{"kind":"Field","name":{"kind":"Name","value":"decidedCents"}},{"kind":"Field","name":{"kind":"Name","value":"committedCents"}},{"kind":"Field","name":{"kind":"Name","value":"paidCents"}}]}},{"kind":"Field","name":{"kind":"Name","value":"byFunderKind"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"funderKind"}},{"kind":"Field","name":{"kind":"Name","value":"requestedCents"}},{"kind":"Field","name":{"kind":"Name","value":"decidedCents"}},{"kind":"Field","name":{"kind":"Name","value":"committedCents"}},{"kind":"Field","name":{"kind":"Name","value":"paidCents"}}]}}]}}]}}]}}]} as unknown as DocumentNode<DepartementQuery, DepartementQueryVariables>;
export const MyInvitationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyInvitations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myInvitations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"organisationId"}},{"kind":"Field","name":{"kind":"Name","value":"invitedBy"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"tenant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"siren"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<MyInvitationsQuery, MyInvitationsQueryVariables>;
export const AcceptMyInvitationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AcceptMyInvitation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"invitationId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"acceptMyInvitation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"invitationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"invitationId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"organisationId"}},{"kind":"Field","name":{"kind":"Name","value":"invitedBy"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"tenant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"siren"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<AcceptMyInvitationMutation, AcceptMyInvitationMutationVariables>;
export const DeclineMyInvitationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeclineMyInvitation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"invitationId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"declineMyInvitation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"invitationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"invitationId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"organisationId"}},{"kind":"Field","name":{"kind":"Name","value":"invitedBy"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"tenant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"siren"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<DeclineMyInvitationMutation, DeclineMyInvitationMutationVariables>;
export const MapSettingsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MapSettings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mapSettings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tileUrl"}},{"kind":"Field","name":{"kind":"Name","value":"tileAttribution"}}]}}]}}]} as unknown as DocumentNode<MapSettingsQuery, MapSettingsQueryVariables>;
export const MyWorkDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyWork"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"contratId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deadlines"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"userId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userId"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"states"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"OVERDUE"},{"kind":"EnumValue","value":"DUE"},{"kind":"EnumValue","value":"UPCOMING"}]}},{"kind":"ObjectField","name":{"kind":"Name","value":"contratId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"contratId"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"dueDate"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"dueIn"}},{"kind":"Field","name":{"kind":"Name","value":"actionId"}},{"kind":"Field","name":{"kind":"Name","value":"committeeId"}},{"kind":"Field","name":{"kind":"Name","value":"conventionId"}},{"kind":"Field","name":{"kind":"Name","value":"contratId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"myNotifications"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"readAt"}},{"kind":"Field","name":{"kind":"Name","value":"escalation"}},{"kind":"Field","name":{"kind":"Name","value":"deadline"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"actionId"}},{"kind":"Field","name":{"kind":"Name","value":"committeeId"}},{"kind":"Field","name":{"kind":"Name","value":"conventionId"}},{"kind":"Field","name":{"kind":"Name","value":"contratId"}}]}}]}}]}}]}}]} as unknown as DocumentNode<MyWorkQuery, MyWorkQueryVariables>;
export const HomeContratFiguresDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"HomeContratFigures"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"contratId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"contratDashboard"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"contratId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"contratId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"contratId"}},{"kind":"Field","name":{"kind":"Name","value":"totals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestedCents"}},{"kind":"Field","name":{"kind":"Name","value":"decidedCents"}},{"kind":"Field","name":{"kind":"Name","value":"committedCents"}},{"kind":"Field","name":{"kind":"Name","value":"paidCents"}}]}},{"kind":"Field","name":{"kind":"Name","value":"actionCount"}},{"kind":"Field","name":{"kind":"Name","value":"overdueBilanCount"}},{"kind":"Field","name":{"kind":"Name","value":"unsignedConventionCount"}}]}}]}}]} as unknown as DocumentNode<HomeContratFiguresQuery, HomeContratFiguresQueryVariables>;
export const MarkNotificationReadDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MarkNotificationRead"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"markNotificationRead"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"readAt"}}]}}]}}]} as unknown as DocumentNode<MarkNotificationReadMutation, MarkNotificationReadMutationVariables>;
export const MarkAllNotificationsReadDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MarkAllNotificationsRead"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"markAllNotificationsRead"}}]}}]} as unknown as DocumentNode<MarkAllNotificationsReadMutation, MarkAllNotificationsReadMutationVariables>;
export const DeadlineProbeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DeadlineProbe"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deadline"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<DeadlineProbeQuery, DeadlineProbeQueryVariables>;
export const DeadlineDetailDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DeadlineDetail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deadline"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"dueDate"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"dueIn"}},{"kind":"Field","name":{"kind":"Name","value":"metAt"}},{"kind":"Field","name":{"kind":"Name","value":"metNote"}},{"kind":"Field","name":{"kind":"Name","value":"actionId"}},{"kind":"Field","name":{"kind":"Name","value":"committeeId"}},{"kind":"Field","name":{"kind":"Name","value":"conventionId"}},{"kind":"Field","name":{"kind":"Name","value":"contratId"}},{"kind":"Field","name":{"kind":"Name","value":"responsibles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]}}]} as unknown as DocumentNode<DeadlineDetailQuery, DeadlineDetailQueryVariables>;
export const DeadlineListDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DeadlineList"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DeadlineFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deadlines"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"dueDate"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"dueIn"}},{"kind":"Field","name":{"kind":"Name","value":"actionId"}},{"kind":"Field","name":{"kind":"Name","value":"committeeId"}},{"kind":"Field","name":{"kind":"Name","value":"conventionId"}},{"kind":"Field","name":{"kind":"Name","value":"contratId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<DeadlineListQuery, DeadlineListQueryVariables>;
export const DeadlineFilterChoicesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DeadlineFilterChoices"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"contrats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]}}]} as unknown as DocumentNode<DeadlineFilterChoicesQuery, DeadlineFilterChoicesQueryVariables>;
export const DeadlineFilterCommitteesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DeadlineFilterCommittees"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"contratId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"committees"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"contratId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"contratId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"scheduledAt"}}]}}]}}]} as unknown as DocumentNode<DeadlineFilterCommitteesQuery, DeadlineFilterCommitteesQueryVariables>;
export const DeadlineFilterActionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DeadlineFilterAction"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"action"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]}}]} as unknown as DocumentNode<DeadlineFilterActionQuery, DeadlineFilterActionQueryVariables>;
export const DossierDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Dossier"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"action"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"contratId"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"targetPublic"}},{"kind":"Field","name":{"kind":"Name","value":"objectives"}},{"kind":"Field","name":{"kind":"Name","value":"representativeName"}},{"kind":"Field","name":{"kind":"Name","value":"representativeFunction"}},{"kind":"Field","name":{"kind":"Name","value":"startDate"}},{"kind":"Field","name":{"kind":"Name","value":"endDate"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"viewerMayFileDossier"}},{"kind":"Field","name":{"kind":"Name","value":"porteur"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"siret"}}]}},{"kind":"Field","name":{"kind":"Name","value":"call"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"closesAt"}},{"kind":"Field","name":{"kind":"Name","value":"funders"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organisationId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"qpvs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"indicators"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"definitionId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"budgetLines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"side"}},{"kind":"Field","name":{"kind":"Name","value":"account"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"plannedCents"}}]}},{"kind":"Field","name":{"kind":"Name","value":"fundingLines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"funderId"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"amountRequestedCents"}}]}},{"kind":"Field","name":{"kind":"Name","value":"requiredPieces"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"piece"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"mandatory"}}]}},{"kind":"Field","name":{"kind":"Name","value":"document"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"downloadPath"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"openComplementRequest"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"fields"}},{"kind":"Field","name":{"kind":"Name","value":"pieceIds"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"dueDate"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"dossierCompleteness"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"complete"}},{"kind":"Field","name":{"kind":"Name","value":"missing"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<DossierQuery, DossierQueryVariables>;
export const DossierIndicatorCatalogueDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DossierIndicatorCatalogue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"indicatorDefinitions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}}]}}]}}]} as unknown as DocumentNode<DossierIndicatorCatalogueQuery, DossierIndicatorCatalogueQueryVariables>;
export const CreateDossierDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateDossier"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateDossierInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createDossier"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<CreateDossierMutation, CreateDossierMutationVariables>;
export const UpdateDossierDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateDossier"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateDossierInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateDossier"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<UpdateDossierMutation, UpdateDossierMutationVariables>;
export const SubmitDossierDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SubmitDossier"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submitDossier"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<SubmitDossierMutation, SubmitDossierMutationVariables>;
export const AnswerComplementsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AnswerComplements"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"actionId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"answerComplements"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"actionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"actionId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"answeredAt"}}]}}]}}]} as unknown as DocumentNode<AnswerComplementsMutation, AnswerComplementsMutationVariables>;
export const ComplementsTargetDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ComplementsTarget"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"action"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"callId"}},{"kind":"Field","name":{"kind":"Name","value":"viewerMayFileDossier"}},{"kind":"Field","name":{"kind":"Name","value":"viewerMayRequestComplements"}},{"kind":"Field","name":{"kind":"Name","value":"requiredPieces"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"piece"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"openComplementRequest"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"dueDate"}},{"kind":"Field","name":{"kind":"Name","value":"fields"}}]}}]}}]}}]} as unknown as DocumentNode<ComplementsTargetQuery, ComplementsTargetQueryVariables>;
export const RequestComplementsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RequestComplements"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RequestComplementsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestComplements"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<RequestComplementsMutation, RequestComplementsMutationVariables>;
export const PorteurSignupPreviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PorteurSignupPreview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"token"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"porteurSignupPreview"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"token"},"value":{"kind":"Variable","name":{"kind":"Name","value":"token"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"tenantName"}},{"kind":"Field","name":{"kind":"Name","value":"organisationName"}},{"kind":"Field","name":{"kind":"Name","value":"accountReady"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]} as unknown as DocumentNode<PorteurSignupPreviewQuery, PorteurSignupPreviewQueryVariables>;
export const CompletePorteurSignupDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CompletePorteurSignup"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CompletePorteurSignupInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"completePorteurSignup"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"siren"}},{"kind":"Field","name":{"kind":"Name","value":"tenantName"}},{"kind":"Field","name":{"kind":"Name","value":"organisationId"}},{"kind":"Field","name":{"kind":"Name","value":"callId"}}]}}]}}]} as unknown as DocumentNode<CompletePorteurSignupMutation, CompletePorteurSignupMutationVariables>;
export const RequestPorteurSignupDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RequestPorteurSignup"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RequestPorteurSignupInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestPorteurSignup"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}]}]}}]} as unknown as DocumentNode<RequestPorteurSignupMutation, RequestPorteurSignupMutationVariables>;
export const MyOrganisationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyOrganisation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myOrganisation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"siret"}},{"kind":"Field","name":{"kind":"Name","value":"rna"}},{"kind":"Field","name":{"kind":"Name","value":"legalForm"}},{"kind":"Field","name":{"kind":"Name","value":"legalFormLabel"}},{"kind":"Field","name":{"kind":"Name","value":"esus"}},{"kind":"Field","name":{"kind":"Name","value":"iae"}},{"kind":"Field","name":{"kind":"Name","value":"siaeType"}},{"kind":"Field","name":{"kind":"Name","value":"ptce"}},{"kind":"Field","name":{"kind":"Name","value":"addressLine"}},{"kind":"Field","name":{"kind":"Name","value":"postalCode"}},{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"contactEmail"}},{"kind":"Field","name":{"kind":"Name","value":"contactPhone"}}]}},{"kind":"Field","name":{"kind":"Name","value":"legalForms"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}}]}}]} as unknown as DocumentNode<MyOrganisationQuery, MyOrganisationQueryVariables>;
export const UpdateMyOrganisationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateMyOrganisation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"OrganisationIdentityInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateMyOrganisation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<UpdateMyOrganisationMutation, UpdateMyOrganisationMutationVariables>;
export const DeclareMyOrganisationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeclareMyOrganisation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"OrganisationIdentityInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"declareMyOrganisation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<DeclareMyOrganisationMutation, DeclareMyOrganisationMutationVariables>;
export const MyColleaguesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyColleagues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myColleagues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"myOrganisationInvitations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"sentAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]} as unknown as DocumentNode<MyColleaguesQuery, MyColleaguesQueryVariables>;
export const InvitePorteurColleagueDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"InvitePorteurColleague"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"InvitePorteurColleagueInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"invitePorteurColleague"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<InvitePorteurColleagueMutation, InvitePorteurColleagueMutationVariables>;
export const ResendPorteurColleagueInvitationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ResendPorteurColleagueInvitation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resendPorteurColleagueInvitation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"invitationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<ResendPorteurColleagueInvitationMutation, ResendPorteurColleagueInvitationMutationVariables>;
export const CancelPorteurColleagueInvitationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CancelPorteurColleagueInvitation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cancelPorteurColleagueInvitation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"invitationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<CancelPorteurColleagueInvitationMutation, CancelPorteurColleagueInvitationMutationVariables>;
export const PorteurSpaceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PorteurSpace"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"actions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"fundingLines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"funder"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"exerciseYear"}},{"kind":"Field","name":{"kind":"Name","value":"amountRequestedCents"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAmountCents"}},{"kind":"Field","name":{"kind":"Name","value":"paidAmountCents"}},{"kind":"Field","name":{"kind":"Name","value":"remainingCents"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"conventions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"actionId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"signedCount"}},{"kind":"Field","name":{"kind":"Name","value":"signatoryCount"}},{"kind":"Field","name":{"kind":"Name","value":"currentVersion"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"signatories"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organisationId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"signatures"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organisationId"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"deadlines"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"dueDate"}},{"kind":"Field","name":{"kind":"Name","value":"dueIn"}},{"kind":"Field","name":{"kind":"Name","value":"state"}}]}}]}}]}}]} as unknown as DocumentNode<PorteurSpaceQuery, PorteurSpaceQueryVariables>;
export const WorkbookReportsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WorkbookReports"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reports"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"contratId"}},{"kind":"Field","name":{"kind":"Name","value":"exerciseYear"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"downloadPath"}},{"kind":"Field","name":{"kind":"Name","value":"failureReason"}}]}}]}}]} as unknown as DocumentNode<WorkbookReportsQuery, WorkbookReportsQueryVariables>;
export const RequestWorkbookDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RequestWorkbook"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RequestReportInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}}]}}]}}]} as unknown as DocumentNode<RequestWorkbookMutation, RequestWorkbookMutationVariables>;