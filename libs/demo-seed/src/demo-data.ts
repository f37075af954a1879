/**
 * Données de démonstration de Pilotis (seed de démo) : trois EPCI/EPT, leurs partenaires,
 * leurs QPV, la structure de leur contrat de ville et douze actions chacun.
 *
 * Données pures : aucun import, aucune entrée/sortie. Un seul fichier long à dessein : trois territoires
 * décrits de la même façon, qu'on lit et qu'on compare côte à côte.
 *
 * Sources : le modèle du domaine (docs/architecture.md) et le guide RTES/CGET « Politique de la ville
 * et ESS » (2016). Les plans de financement connus (L'Autre Boutique, Autour du livre, VRAC,
 * PTCE Restos Passerelle, ARTIS Grenoble) reprennent les montants du guide ; les autres
 * montants, noms de porteurs génériques et codes QPV sont des valeurs de démonstration
 * plausibles, à remplacer par l'import de la liste officielle des QPV.
 *
 * SIRET : uniquement des valeurs de démonstration (préfixe 00000, clé de Luhn valide) ; elles
 * ne sont les numéros d'aucune structure réelle. Les organismes publics n'en ont pas ici.
 *
 * Montants en centimes d'euro (entiers).
 */

export type OrganisationKind =
  | 'ETAT'
  | 'REGION'
  | 'DEPARTEMENT'
  | 'EPCI'
  | 'COMMUNE'
  | 'CAF'
  | 'BAILLEUR_SOCIAL'
  | 'BANQUE_DES_TERRITOIRES'
  | 'FRANCE_TRAVAIL'
  | 'ARS'
  | 'UNION_EUROPEENNE'
  | 'FONDATION'
  | 'ASSOCIATION'
  | 'SCIC'
  | 'SCOP'
  | 'CAE'
  | 'REGIE_DE_QUARTIER'
  | 'SIAE'
  | 'ENTREPRISE'
  | 'AUTRE';
export type FundingKind = 'CREDITS_SPECIFIQUES_P147' | 'DROIT_COMMUN' | 'FEDER' | 'FSE' | 'AUTRE';
export type ActionStatus =
  | 'BROUILLON'
  | 'DEPOSEE'
  | 'EN_INSTRUCTION'
  | 'A_ARBITRER'
  | 'PROGRAMMEE'
  | 'PARTIELLEMENT_PROGRAMMEE'
  | 'REFUSEE'
  | 'CONVENTIONNEE'
  | 'EN_COURS'
  | 'BILAN_ATTENDU'
  | 'SOLDEE'
  | 'ABANDONNEE';
export interface DemoOrganisation {
  key: string;
  name: string;
  kind: OrganisationKind;
  siret?: string;
  esus?: boolean;
  /** A porteur's declared identity (see `OrganisationIdentityInput`). */
  identity?: { legalForm?: string; rna?: string; addressLine?: string; postalCode?: string; city?: string; contactEmail?: string };
}
export interface DemoQpv {
  code: string;
  name: string;
  communes: string[] /* INSEE codes */;
  generation: '2015' | '2024';
  enVeille?: boolean;
}
export interface DemoObjective {
  code: string;
  title: string;
}
export interface DemoPillar {
  kind: 'PILIER' | 'AXE_TRANSVERSAL';
  title: string;
  objectives: DemoObjective[];
}
export interface DemoFundingLine {
  funderKey: string;
  kind: FundingKind;
  amountRequestedCents: number;
  inKind?: boolean;
  pledge?: boolean;
  exerciseYear: number;
}
export interface DemoAction {
  title: string;
  description: string;
  pillarIndex: number;
  objectiveCode?: string;
  porteurKey: string;
  qpvCodes: string[];
  startDate: string /* YYYY-MM-DD */;
  endDate: string;
  status: ActionStatus;
  fundingLines: DemoFundingLine[];
}
export interface DemoTenant {
  siren: string;
  contrat: { title: string; startYear: number; endYear: number; signatoryKeys: string[] };
  organisations: DemoOrganisation[];
  qpvs: DemoQpv[];
  pillars: DemoPillar[];
  actions: DemoAction[];
}

// ---------------------------------------------------------------------------------------------
// Rennes Métropole (SIREN 243500139)
// ---------------------------------------------------------------------------------------------

const RENNES: DemoTenant = {
  siren: '243500139',
  contrat: {
    title: 'Contrat de ville – Engagements Quartiers 2030 de Rennes Métropole',
    startYear: 2024,
    endYear: 2030,
    signatoryKeys: [
      'etat',
      'rennes-metropole',
      'ville-rennes',
      'region',
      'departement',
      'caf',
      'bdt',
      'archipel-habitat',
      'france-travail',
    ],
  },
  organisations: [
    { key: 'etat', name: "Préfecture d'Ille-et-Vilaine (État)", kind: 'ETAT' },
    { key: 'region', name: 'Région Bretagne', kind: 'REGION' },
    { key: 'departement', name: "Département d'Ille-et-Vilaine", kind: 'DEPARTEMENT' },
    { key: 'rennes-metropole', name: 'Rennes Métropole', kind: 'EPCI' },
    { key: 'ville-rennes', name: 'Ville de Rennes', kind: 'COMMUNE' },
    { key: 'caf', name: "Caisse d'allocations familiales d'Ille-et-Vilaine", kind: 'CAF' },
    { key: 'bdt', name: 'Banque des Territoires (Caisse des Dépôts) – Bretagne', kind: 'BANQUE_DES_TERRITOIRES' },
    { key: 'archipel-habitat', name: 'Archipel Habitat', kind: 'BAILLEUR_SOCIAL' },
    { key: 'france-travail', name: 'France Travail Bretagne', kind: 'FRANCE_TRAVAIL' },
    { key: 'elan-createur', name: 'Élan Créateur', kind: 'CAE', siret: '00000107300014', esus: true },
    { key: 'reso-solidaire', name: 'Réso solidaire – pôle ESS du Pays de Rennes', kind: 'ASSOCIATION', siret: '00000114900012' },
    { key: 'autre-boutique', name: "L'Autre Boutique", kind: 'ASSOCIATION', siret: '00000121400014', esus: true },
    {
      key: 'regie-maurepas',
      name: 'Régie de quartier Maurepas – Patton',
      kind: 'REGIE_DE_QUARTIER',
      siret: '00000128900016',
      esus: true,
      identity: { legalForm: '9220', rna: 'W353000128', addressLine: '12 rue de Normandie', postalCode: '35700', city: 'Rennes' },
    },
    {
      key: 'scop-blosne',
      name: 'Les Ateliers numériques du Blosne (SCOP)',
      kind: 'SCOP',
      siret: '00000135400018',
      identity: { legalForm: '5458', addressLine: '7 boulevard de Yougoslavie', postalCode: '35200', city: 'Rennes' },
    },
  ],
  qpvs: [
    { code: 'QN03501M', name: 'Le Blosne', communes: ['35238'], generation: '2024' },
    { code: 'QN03502M', name: 'Bréquigny', communes: ['35238'], generation: '2024' },
    { code: 'QN03503M', name: 'Maurepas – Patton', communes: ['35238'], generation: '2024' },
    { code: 'QN03504M', name: 'Villejean', communes: ['35238'], generation: '2024' },
    { code: 'QP035005', name: 'Cleunay', communes: ['35238'], generation: '2015', enVeille: true },
  ],
  pillars: [
    {
      kind: 'PILIER',
      title: 'Cohésion sociale',
      objectives: [
        { code: '1.1', title: 'Réussite éducative et soutien à la parentalité' },
        { code: '1.2', title: 'Accès aux droits, à la santé et au numérique' },
        { code: '1.3', title: 'Participation des habitants, culture et lien social' },
      ],
    },
    {
      kind: 'PILIER',
      title: 'Cadre de vie et renouvellement urbain',
      objectives: [
        { code: '2.1', title: 'Renouvellement urbain et qualité résidentielle' },
        { code: '2.2', title: 'Gestion urbaine et sociale de proximité' },
        { code: '2.3', title: 'Tranquillité publique et mobilités' },
      ],
    },
    {
      kind: 'PILIER',
      title: 'Développement économique et emploi',
      objectives: [
        { code: '3.1', title: "Accès à l'emploi et insertion par l'activité économique" },
        { code: '3.2', title: "Entrepreneuriat, création d'activité et économie sociale et solidaire" },
        { code: '3.3', title: 'Commerce et activités en pied d’immeuble' },
      ],
    },
    {
      kind: 'AXE_TRANSVERSAL',
      title: 'Jeunesse',
      objectives: [
        { code: '4.1', title: 'Initiative, engagement et entrepreneuriat coopératif des jeunes' },
        { code: '4.2', title: 'Orientation et insertion des 16-25 ans' },
      ],
    },
    {
      kind: 'AXE_TRANSVERSAL',
      title: 'Égalité femmes-hommes et lutte contre les discriminations',
      objectives: [
        { code: '5.1', title: "Accès des femmes à l'emploi, à la création d'activité et à l'espace public" },
        { code: '5.2', title: 'Prévention et lutte contre les discriminations' },
      ],
    },
  ],
  actions: [
    {
      title: 'Coopérative Jeunesse de Services de Maurepas – été 2025',
      description:
        "Une quinzaine de jeunes de 16 à 18 ans créent et pilotent une entreprise coopérative le temps d'un été, accompagnés par deux animateurs. Élan Créateur en est le parrain économique ; Réso solidaire anime le comité local installé au centre commercial du Gast.",
      pillarIndex: 3,
      objectiveCode: '4.1',
      porteurKey: 'elan-createur',
      qpvCodes: ['QN03503M'],
      startDate: '2025-04-01',
      endDate: '2025-09-30',
      status: 'BILAN_ATTENDU',
      fundingLines: [
        { funderKey: 'etat', kind: 'CREDITS_SPECIFIQUES_P147', amountRequestedCents: 800000, exerciseYear: 2025 },
        { funderKey: 'departement', kind: 'DROIT_COMMUN', amountRequestedCents: 600000, exerciseYear: 2025 },
        { funderKey: 'rennes-metropole', kind: 'DROIT_COMMUN', amountRequestedCents: 500000, exerciseYear: 2025 },
        { funderKey: 'caf', kind: 'DROIT_COMMUN', amountRequestedCents: 300000, exerciseYear: 2025 },
        { funderKey: 'bdt', kind: 'DROIT_COMMUN', amountRequestedCents: 250000, exerciseYear: 2025 },
      ],
    },
    {
      title: 'Coopérative Jeunesse de Services de Villejean – été 2026',
      description:
        'Reconduction de la CJS de Villejean : les jeunes coopérants vendent des services aux habitants et aux entreprises du quartier et se forment à la gouvernance coopérative. Le comité local réunit structures jeunesse, équipement culturel et entreprises privées.',
      pillarIndex: 3,
      objectiveCode: '4.1',
      porteurKey: 'reso-solidaire',
      qpvCodes: ['QN03504M'],
      startDate: '2026-04-01',
      endDate: '2026-09-30',
      status: 'A_ARBITRER',
      fundingLines: [
        { funderKey: 'etat', kind: 'CREDITS_SPECIFIQUES_P147', amountRequestedCents: 750000, exerciseYear: 2026 },
        { funderKey: 'departement', kind: 'DROIT_COMMUN', amountRequestedCents: 600000, exerciseYear: 2026 },
        { funderKey: 'region', kind: 'DROIT_COMMUN', amountRequestedCents: 400000, exerciseYear: 2026 },
        { funderKey: 'caf', kind: 'DROIT_COMMUN', amountRequestedCents: 300000, pledge: true, exerciseYear: 2026 },
      ],
    },
    {
      title: 'Coopérative Jeunesse de Services du Blosne – été 2024',
      description:
        "Première saison de la CJS du Blosne : entreprise coopérative estivale de jeunes du quartier, spécialisée dans le lavage de véhicules et les petits travaux. Le bilan qualitatif et financier a été remis à l'ensemble des financeurs.",
      pillarIndex: 2,
      objectiveCode: '3.2',
      porteurKey: 'elan-createur',
      qpvCodes: ['QN03501M'],
      startDate: '2024-04-01',
      endDate: '2024-09-30',
      status: 'SOLDEE',
      fundingLines: [
        { funderKey: 'etat', kind: 'CREDITS_SPECIFIQUES_P147', amountRequestedCents: 700000, exerciseYear: 2024 },
        { funderKey: 'departement', kind: 'DROIT_COMMUN', amountRequestedCents: 550000, exerciseYear: 2024 },
        { funderKey: 'rennes-metropole', kind: 'DROIT_COMMUN', amountRequestedCents: 450000, exerciseYear: 2024 },
        { funderKey: 'caf', kind: 'DROIT_COMMUN', amountRequestedCents: 250000, exerciseYear: 2024 },
      ],
    },
    {
      // Plan de financement du guide (264 185 €) : six postes, dont 1 500 € « politique de la ville »
      // partagés à 50 % agglomération / 50 % État, soit sept lignes une fois ce poste scindé.
      title: "L'Autre Boutique – boutique et traiteur solidaires des producteurs locaux",
      description:
        "Boutique de producteurs et d'acteurs locaux de l'ESS et activité traiteur « Heure Locale », portées par un atelier chantier d'insertion « commerce de proximité ». Budget global de 264 185 €, dont 1 500 € au titre de la politique de la ville répartis à parts égales entre la Métropole et l'État.",
      pillarIndex: 2,
      objectiveCode: '3.3',
      porteurKey: 'autre-boutique',
      qpvCodes: ['QN03501M'],
      startDate: '2025-01-01',
      endDate: '2025-12-31',
      status: 'EN_COURS',
      fundingLines: [
        { funderKey: 'autre-boutique', kind: 'AUTRE', amountRequestedCents: 2000000, exerciseYear: 2025 }, // recettes propres
        { funderKey: 'etat', kind: 'DROIT_COMMUN', amountRequestedCents: 16060200, exerciseYear: 2025 }, // aide au poste IAE (ASP)
        { funderKey: 'region', kind: 'DROIT_COMMUN', amountRequestedCents: 1826700, exerciseYear: 2025 },
        { funderKey: 'departement', kind: 'DROIT_COMMUN', amountRequestedCents: 4581600, exerciseYear: 2025 },
        { funderKey: 'rennes-metropole', kind: 'DROIT_COMMUN', amountRequestedCents: 1800000, exerciseYear: 2025 },
        { funderKey: 'rennes-metropole', kind: 'AUTRE', amountRequestedCents: 75000, exerciseYear: 2025 }, // 50 % des 1 500 € PdV
        { funderKey: 'etat', kind: 'CREDITS_SPECIFIQUES_P147', amountRequestedCents: 75000, exerciseYear: 2025 }, // 50 % des 1 500 € PdV
      ],
    },
    {
      title: 'Parcours « Elles entreprennent » – accompagnement des femmes à la création d’activité',
      description:
        "Parcours collectif de douze semaines pour des femmes des quartiers porteuses d'un projet d'activité : ateliers, test en coopérative d'activité et d'emploi et mise en réseau. Une garde d'enfants est organisée pendant les séances.",
      pillarIndex: 4,
      objectiveCode: '5.1',
      porteurKey: 'elan-createur',
      qpvCodes: ['QN03504M', 'QN03501M'],
      startDate: '2026-02-01',
      endDate: '2026-12-31',
      status: 'DEPOSEE',
      fundingLines: [
        { funderKey: 'etat', kind: 'CREDITS_SPECIFIQUES_P147', amountRequestedCents: 1200000, exerciseYear: 2026 },
        { funderKey: 'france-travail', kind: 'DROIT_COMMUN', amountRequestedCents: 800000, exerciseYear: 2026 },
        { funderKey: 'region', kind: 'FSE', amountRequestedCents: 1500000, exerciseYear: 2026 },
        { funderKey: 'rennes-metropole', kind: 'DROIT_COMMUN', amountRequestedCents: 600000, exerciseYear: 2026 },
      ],
    },
    {
      title: 'Chantiers éducatifs et gestion urbaine de proximité à Maurepas',
      description:
        'Chantiers éducatifs rémunérés pour des jeunes du quartier (peinture des halls, petits travaux, propreté) encadrés par la régie de quartier, en lien avec le diagnostic en marchant. Le bailleur met un local à disposition.',
      pillarIndex: 1,
      objectiveCode: '2.2',
      porteurKey: 'regie-maurepas',
      qpvCodes: ['QN03503M'],
      startDate: '2025-09-01',
      endDate: '2026-08-31',
      status: 'CONVENTIONNEE',
      fundingLines: [
        { funderKey: 'archipel-habitat', kind: 'DROIT_COMMUN', amountRequestedCents: 2500000, exerciseYear: 2025 },
        { funderKey: 'archipel-habitat', kind: 'AUTRE', amountRequestedCents: 600000, inKind: true, exerciseYear: 2025 },
        { funderKey: 'etat', kind: 'CREDITS_SPECIFIQUES_P147', amountRequestedCents: 1000000, exerciseYear: 2025 },
        { funderKey: 'rennes-metropole', kind: 'DROIT_COMMUN', amountRequestedCents: 1200000, exerciseYear: 2025 },
        { funderKey: 'ville-rennes', kind: 'DROIT_COMMUN', amountRequestedCents: 800000, exerciseYear: 2025 },
      ],
    },
    {
      title: 'Résidentialisation et végétalisation des cœurs d’îlots du Gros-Chêne',
      description:
        "Requalification des espaces extérieurs de trois résidences dans le cadre du renouvellement urbain de Maurepas : désimperméabilisation, jardins partagés et cheminements éclairés. Les travaux sont conçus avec l'amicale des locataires.",
      pillarIndex: 1,
      objectiveCode: '2.1',
      porteurKey: 'archipel-habitat',
      qpvCodes: ['QN03503M'],
      startDate: '2026-03-01',
      endDate: '2027-06-30',
      status: 'PROGRAMMEE',
      fundingLines: [
        { funderKey: 'bdt', kind: 'DROIT_COMMUN', amountRequestedCents: 18000000, exerciseYear: 2026 },
        { funderKey: 'rennes-metropole', kind: 'DROIT_COMMUN', amountRequestedCents: 12000000, exerciseYear: 2026 },
        { funderKey: 'region', kind: 'DROIT_COMMUN', amountRequestedCents: 6000000, exerciseYear: 2026 },
        { funderKey: 'archipel-habitat', kind: 'AUTRE', amountRequestedCents: 9000000, exerciseYear: 2026 },
      ],
    },
    {
      title: 'Programme de réussite éducative – ateliers parents-enfants',
      description:
        "Parcours individualisés pour des enfants de 2 à 16 ans repérés par les équipes éducatives, et ateliers parents-enfants au sein des écoles du quartier. L'action associe la CAF et les services de protection maternelle et infantile.",
      pillarIndex: 0,
      objectiveCode: '1.1',
      porteurKey: 'ville-rennes',
      qpvCodes: ['QN03502M', 'QP035005'],
      startDate: '2026-01-01',
      endDate: '2026-12-31',
      status: 'EN_INSTRUCTION',
      fundingLines: [
        { funderKey: 'etat', kind: 'CREDITS_SPECIFIQUES_P147', amountRequestedCents: 2500000, exerciseYear: 2026 },
        { funderKey: 'caf', kind: 'DROIT_COMMUN', amountRequestedCents: 1500000, exerciseYear: 2026 },
        { funderKey: 'ville-rennes', kind: 'DROIT_COMMUN', amountRequestedCents: 2000000, exerciseYear: 2026 },
        { funderKey: 'departement', kind: 'DROIT_COMMUN', amountRequestedCents: 1000000, exerciseYear: 2026 },
      ],
    },
    {
      title: 'Médiation numérique et point d’accès aux droits du Blosne',
      description:
        "Permanences d'aide aux démarches en ligne (CAF, France Travail, impôts) et ateliers d'initiation au numérique, tenues par une SCOP de services numériques installée dans le quartier.",
      pillarIndex: 0,
      objectiveCode: '1.2',
      porteurKey: 'scop-blosne',
      qpvCodes: ['QN03501M'],
      startDate: '2026-01-15',
      endDate: '2026-12-31',
      status: 'PARTIELLEMENT_PROGRAMMEE',
      fundingLines: [
        { funderKey: 'etat', kind: 'CREDITS_SPECIFIQUES_P147', amountRequestedCents: 1000000, exerciseYear: 2026 },
        { funderKey: 'caf', kind: 'DROIT_COMMUN', amountRequestedCents: 800000, exerciseYear: 2026 },
        { funderKey: 'departement', kind: 'DROIT_COMMUN', amountRequestedCents: 600000, exerciseYear: 2026 },
        { funderKey: 'bdt', kind: 'DROIT_COMMUN', amountRequestedCents: 500000, exerciseYear: 2026 },
      ],
    },
    {
      title: 'Ressourcerie de quartier à Villejean',
      description:
        "Étude et préfiguration d'une ressourcerie en atelier chantier d'insertion : collecte, réparation et revente d'objets du quotidien, avec six postes en insertion à l'ouverture.",
      pillarIndex: 2,
      objectiveCode: '3.1',
      porteurKey: 'regie-maurepas',
      qpvCodes: ['QN03504M'],
      startDate: '2026-06-01',
      endDate: '2027-05-31',
      status: 'BROUILLON',
      fundingLines: [
        { funderKey: 'rennes-metropole', kind: 'DROIT_COMMUN', amountRequestedCents: 3000000, exerciseYear: 2026 },
        { funderKey: 'region', kind: 'DROIT_COMMUN', amountRequestedCents: 2000000, exerciseYear: 2026 },
        { funderKey: 'etat', kind: 'DROIT_COMMUN', amountRequestedCents: 4000000, exerciseYear: 2026 },
        { funderKey: 'france-travail', kind: 'DROIT_COMMUN', amountRequestedCents: 1500000, exerciseYear: 2026 },
      ],
    },
    {
      title: 'Forum des initiatives habitantes et de l’ESS',
      description:
        "Journée de rencontre entre habitants porteurs d'idées, structures d'accompagnement et entreprises de l'ESS du territoire, avec un marché de producteurs.",
      pillarIndex: 2,
      objectiveCode: '3.2',
      porteurKey: 'reso-solidaire',
      qpvCodes: ['QN03501M', 'QN03502M', 'QN03503M', 'QN03504M'],
      startDate: '2026-05-01',
      endDate: '2026-06-30',
      status: 'REFUSEE',
      fundingLines: [
        { funderKey: 'etat', kind: 'CREDITS_SPECIFIQUES_P147', amountRequestedCents: 600000, exerciseYear: 2026 },
        { funderKey: 'region', kind: 'DROIT_COMMUN', amountRequestedCents: 400000, exerciseYear: 2026 },
        { funderKey: 'rennes-metropole', kind: 'DROIT_COMMUN', amountRequestedCents: 300000, exerciseYear: 2026 },
      ],
    },
    {
      title: 'Mobilité solidaire : auto-école sociale et prêt de vélos',
      description:
        "Projet d'auto-école sociale et de prêt de vélos pour les demandeurs d'emploi des quartiers nord. Abandonné par le porteur faute de locaux adaptés.",
      pillarIndex: 1,
      objectiveCode: '2.3',
      porteurKey: 'regie-maurepas',
      qpvCodes: ['QN03503M', 'QN03504M'],
      startDate: '2025-03-01',
      endDate: '2025-12-31',
      status: 'ABANDONNEE',
      fundingLines: [
        { funderKey: 'etat', kind: 'CREDITS_SPECIFIQUES_P147', amountRequestedCents: 900000, exerciseYear: 2025 },
        { funderKey: 'departement', kind: 'DROIT_COMMUN', amountRequestedCents: 700000, exerciseYear: 2025 },
        { funderKey: 'france-travail', kind: 'DROIT_COMMUN', amountRequestedCents: 500000, exerciseYear: 2025 },
      ],
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// Plaine Commune (EPT, SIREN 200057867)
// ---------------------------------------------------------------------------------------------

const PLAINE_COMMUNE: DemoTenant = {
  siren: '200057867',
  contrat: {
    title: 'Contrat de ville – Engagements Quartiers 2030 de Plaine Commune',
    startYear: 2024,
    endYear: 2030,
    signatoryKeys: [
      'etat',
      'plaine-commune',
      'region',
      'departement',
      'ville-saint-denis',
      'caf',
      'bdt',
      'plaine-commune-habitat',
      'france-travail',
    ],
  },
  organisations: [
    { key: 'etat', name: 'Préfecture de la Seine-Saint-Denis – sous-préfecture de Saint-Denis (État)', kind: 'ETAT' },
    { key: 'region', name: 'Région Île-de-France', kind: 'REGION' },
    { key: 'departement', name: 'Département de la Seine-Saint-Denis', kind: 'DEPARTEMENT' },
    { key: 'plaine-commune', name: 'Plaine Commune (établissement public territorial)', kind: 'EPCI' },
    { key: 'ville-saint-denis', name: 'Ville de Saint-Denis', kind: 'COMMUNE' },
    { key: 'caf', name: "Caisse d'allocations familiales de la Seine-Saint-Denis", kind: 'CAF' },
    { key: 'bdt', name: 'Banque des Territoires (Caisse des Dépôts) – Île-de-France', kind: 'BANQUE_DES_TERRITOIRES' },
    { key: 'plaine-commune-habitat', name: 'Plaine Commune Habitat', kind: 'BAILLEUR_SOCIAL' },
    { key: 'france-travail', name: 'France Travail Île-de-France', kind: 'FRANCE_TRAVAIL' },
    { key: 'appui', name: 'APPUI – coordination du PTCE Restos Passerelle', kind: 'ASSOCIATION', siret: '00000142000017', esus: true },
    { key: 'taf-et-maffe', name: 'Taf et Maffé Saint-Denis (resto passerelle)', kind: 'SIAE', siret: '00000149500019', esus: true },
    { key: 'plaine-de-saveurs', name: 'Plaine de Saveurs – incubateur culinaire', kind: 'ASSOCIATION', siret: '00000156000010' },
    { key: 'autour-du-livre', name: 'Autour du livre (atelier chantier d’insertion)', kind: 'SIAE', siret: '00000163600018', esus: true },
    { key: 'bicyclo', name: 'Réseau Bicyclo', kind: 'ASSOCIATION', siret: '00000170100010' },
  ],
  qpvs: [
    { code: 'QN09301M', name: 'Franc-Moisin – Bel-Air', communes: ['93066'], generation: '2024' },
    { code: 'QN09302M', name: 'Floréal – Saussaie – Courtille', communes: ['93066'], generation: '2024' },
    { code: 'QN09303M', name: 'Landy – Marcreux – Pressensé', communes: ['93001', '93066'], generation: '2024' },
    { code: 'QN09304M', name: 'Les Quatre-Mille', communes: ['93027'], generation: '2024' },
  ],
  pillars: [
    {
      kind: 'PILIER',
      title: 'Cohésion sociale',
      objectives: [
        { code: '1.1', title: 'Éducation, réussite scolaire et prévention du décrochage' },
        { code: '1.2', title: 'Santé, accès aux droits et lutte contre le non-recours' },
      ],
    },
    {
      kind: 'PILIER',
      title: 'Cadre de vie et renouvellement urbain',
      objectives: [
        { code: '2.1', title: 'Renouvellement urbain, espaces publics et nature en ville' },
        { code: '2.2', title: 'Gestion urbaine de proximité et qualité de service des bailleurs' },
      ],
    },
    {
      kind: 'PILIER',
      title: 'Développement économique et emploi',
      objectives: [
        { code: '3.1', title: "Insertion par l'activité économique et clauses sociales" },
        { code: '3.2', title: "Création d'activité, économie informelle et ESS" },
        { code: '3.3', title: "Accès des acteurs économiques locaux à l'immobilier d'activité" },
      ],
    },
    {
      kind: 'AXE_TRANSVERSAL',
      title: 'Transition écologique',
      objectives: [
        { code: '4.1', title: 'Alimentation durable et circuits courts' },
        { code: '4.2', title: 'Économie circulaire, réemploi et mobilités douces' },
      ],
    },
    {
      kind: 'AXE_TRANSVERSAL',
      title: 'Jeunesse',
      objectives: [{ code: '5.1', title: 'Engagement, chantiers éducatifs et premières expériences professionnelles' }],
    },
  ],
  actions: [
    {
      title: 'PTCE Restos Passerelle – ingénierie de mutualisation et transformation des cuisines informelles',
      description:
        "L'association APPUI coordonne le pôle territorial de coopération économique des restos passerelle : accompagnement à la transformation des cuisines informelles des foyers en restaurants sociaux en ACI et études de faisabilité. Ingénierie de 90 000 € sur 18 mois, cofinancée par la Ville de Saint-Denis, Plaine Commune, les bailleurs sociaux et la sous-préfecture (fonds politique de la ville).",
      pillarIndex: 2,
      objectiveCode: '3.2',
      porteurKey: 'appui',
      qpvCodes: ['QN09301M', 'QN09303M'],
      startDate: '2025-01-01',
      endDate: '2026-06-30',
      status: 'EN_COURS',
      fundingLines: [
        { funderKey: 'etat', kind: 'CREDITS_SPECIFIQUES_P147', amountRequestedCents: 3000000, exerciseYear: 2025 },
        { funderKey: 'plaine-commune', kind: 'DROIT_COMMUN', amountRequestedCents: 2500000, exerciseYear: 2025 },
        { funderKey: 'ville-saint-denis', kind: 'DROIT_COMMUN', amountRequestedCents: 2000000, exerciseYear: 2025 },
        { funderKey: 'plaine-commune-habitat', kind: 'DROIT_COMMUN', amountRequestedCents: 1500000, exerciseYear: 2025 },
      ],
    },
    {
      title: 'Taf et Maffé Saint-Denis – restauration sociale et postes en insertion',
      description:
        "Restaurant social en atelier chantier d'insertion au sein d'une résidence sociale : repas chauds à prix modique (2,60 à 3 €) et recrutement de salariés en insertion formés aux métiers de la restauration collective.",
      pillarIndex: 2,
      objectiveCode: '3.1',
      porteurKey: 'taf-et-maffe',
      qpvCodes: ['QN09301M'],
      startDate: '2026-01-01',
      endDate: '2026-12-31',
      status: 'CONVENTIONNEE',
      fundingLines: [
        { funderKey: 'etat', kind: 'DROIT_COMMUN', amountRequestedCents: 12000000, exerciseYear: 2026 },
        { funderKey: 'departement', kind: 'DROIT_COMMUN', amountRequestedCents: 3500000, exerciseYear: 2026 },
        { funderKey: 'region', kind: 'DROIT_COMMUN', amountRequestedCents: 2000000, exerciseYear: 2026 },
        { funderKey: 'plaine-commune', kind: 'DROIT_COMMUN', amountRequestedCents: 1000000, exerciseYear: 2026 },
      ],
    },
    {
      title: 'Plaine de Saveurs – incubateur culinaire et coworking de production',
      description:
        "Incubateur culinaire multi-partenarial : une cuisine équipée aux normes où des porteurs de projets testent leur activité pendant un an, accompagnés pour trouver un local et construire leur communication, puis des places en coworking culinaire. Le bailleur met à disposition un local en pied d'immeuble.",
      pillarIndex: 2,
      objectiveCode: '3.2',
      porteurKey: 'plaine-de-saveurs',
      qpvCodes: ['QN09301M', 'QN09304M'],
      startDate: '2026-01-01',
      endDate: '2026-12-31',
      status: 'PROGRAMMEE',
      fundingLines: [
        { funderKey: 'plaine-commune', kind: 'DROIT_COMMUN', amountRequestedCents: 4000000, exerciseYear: 2026 },
        { funderKey: 'region', kind: 'DROIT_COMMUN', amountRequestedCents: 3000000, exerciseYear: 2026 },
        { funderKey: 'region', kind: 'FEDER', amountRequestedCents: 5000000, exerciseYear: 2026 },
        { funderKey: 'bdt', kind: 'DROIT_COMMUN', amountRequestedCents: 2500000, exerciseYear: 2026 },
        { funderKey: 'etat', kind: 'CREDITS_SPECIFIQUES_P147', amountRequestedCents: 1500000, exerciseYear: 2026 },
        { funderKey: 'plaine-commune-habitat', kind: 'AUTRE', amountRequestedCents: 1200000, inKind: true, exerciseYear: 2026 },
      ],
    },
    {
      // Plan de financement du guide : 173 880 € au démarrage du chantier.
      title: 'Autour du livre – atelier chantier d’insertion d’équipement des livres pour les médiathèques',
      description:
        "Plastification et encodage RFID des livres acquis par le réseau des médiathèques, avec une livraison hebdomadaire sur les sites du réseau. Huit salariées du quartier en contrat d'un an de 26 heures hebdomadaires, dont 9 heures d'accompagnement et de formation.",
      pillarIndex: 2,
      objectiveCode: '3.1',
      porteurKey: 'autour-du-livre',
      qpvCodes: ['QN09304M'],
      startDate: '2024-04-01',
      endDate: '2025-03-31',
      status: 'SOLDEE',
      fundingLines: [
        { funderKey: 'etat', kind: 'DROIT_COMMUN', amountRequestedCents: 10600000, exerciseYear: 2024 },
        { funderKey: 'plaine-commune', kind: 'DROIT_COMMUN', amountRequestedCents: 4500000, exerciseYear: 2024 },
        { funderKey: 'region', kind: 'DROIT_COMMUN', amountRequestedCents: 1538000, exerciseYear: 2024 }, // dont 7 880 € d'investissement
        { funderKey: 'departement', kind: 'DROIT_COMMUN', amountRequestedCents: 750000, exerciseYear: 2024 },
      ],
    },
    {
      title: 'Réseau Bicyclo – ateliers d’autoréparation et vélo-école',
      description:
        "Ateliers mobiles d'autoréparation, reconditionnement de vélos récupérés et vélo-école pour adultes, organisés en réseau avec des structures d'insertion et des associations de quartier.",
      pillarIndex: 3,
      objectiveCode: '4.2',
      porteurKey: 'bicyclo',
      qpvCodes: ['QN09302M', 'QN09303M'],
      startDate: '2026-03-01',
      endDate: '2026-12-31',
      status: 'A_ARBITRER',
      fundingLines: [
        { funderKey: 'plaine-commune', kind: 'DROIT_COMMUN', amountRequestedCents: 1800000, exerciseYear: 2026 },
        { funderKey: 'etat', kind: 'CREDITS_SPECIFIQUES_P147', amountRequestedCents: 900000, exerciseYear: 2026 },
        { funderKey: 'region', kind: 'DROIT_COMMUN', amountRequestedCents: 600000, exerciseYear: 2026 },
        { funderKey: 'plaine-commune-habitat', kind: 'DROIT_COMMUN', amountRequestedCents: 400000, exerciseYear: 2026 },
      ],
    },
    {
      title: 'Accompagnement à la scolarité et prévention du décrochage scolaire',
      description:
        'Aide aux devoirs, ateliers de méthodologie et accueil des élèves exclus temporairement, en lien avec les collèges du quartier et les familles.',
      pillarIndex: 0,
      objectiveCode: '1.1',
      porteurKey: 'ville-saint-denis',
      qpvCodes: ['QN09301M', 'QN09302M'],
      startDate: '2026-01-01',
      endDate: '2026-12-31',
      status: 'DEPOSEE',
      fundingLines: [
        { funderKey: 'etat', kind: 'CREDITS_SPECIFIQUES_P147', amountRequestedCents: 2000000, exerciseYear: 2026 },
        { funderKey: 'caf', kind: 'DROIT_COMMUN', amountRequestedCents: 1200000, exerciseYear: 2026 },
        { funderKey: 'departement', kind: 'DROIT_COMMUN', amountRequestedCents: 1000000, exerciseYear: 2026 },
        { funderKey: 'ville-saint-denis', kind: 'DROIT_COMMUN', amountRequestedCents: 1500000, exerciseYear: 2026 },
      ],
    },
    {
      title: 'Gestion urbaine de proximité – diagnostics en marchant et petits travaux',
      description:
        "Diagnostics en marchant trimestriels avec les habitants et le conseil citoyen, suivis d'un programme de petits travaux et de renforcement du gardiennage financé par le bailleur.",
      pillarIndex: 1,
      objectiveCode: '2.2',
      porteurKey: 'plaine-commune-habitat',
      qpvCodes: ['QN09302M', 'QN09304M'],
      startDate: '2026-01-01',
      endDate: '2026-12-31',
      status: 'EN_INSTRUCTION',
      fundingLines: [
        { funderKey: 'plaine-commune', kind: 'DROIT_COMMUN', amountRequestedCents: 2000000, exerciseYear: 2026 },
        { funderKey: 'plaine-commune-habitat', kind: 'AUTRE', amountRequestedCents: 3000000, exerciseYear: 2026 },
        { funderKey: 'etat', kind: 'CREDITS_SPECIFIQUES_P147', amountRequestedCents: 800000, exerciseYear: 2026 },
      ],
    },
    {
      title: 'Jardins partagés et îlots de fraîcheur au Franc-Moisin',
      description:
        "Création de jardins partagés en pied d'immeuble et plantation d'arbres pour réduire les îlots de chaleur, avec des ateliers de jardinage animés pour les locataires.",
      pillarIndex: 1,
      objectiveCode: '2.1',
      porteurKey: 'plaine-commune-habitat',
      qpvCodes: ['QN09301M'],
      startDate: '2026-04-01',
      endDate: '2027-03-31',
      status: 'BROUILLON',
      fundingLines: [
        { funderKey: 'plaine-commune-habitat', kind: 'AUTRE', amountRequestedCents: 2500000, exerciseYear: 2026 },
        { funderKey: 'plaine-commune', kind: 'DROIT_COMMUN', amountRequestedCents: 1500000, exerciseYear: 2026 },
        { funderKey: 'region', kind: 'DROIT_COMMUN', amountRequestedCents: 1200000, exerciseYear: 2026 },
        { funderKey: 'bdt', kind: 'DROIT_COMMUN', amountRequestedCents: 1000000, exerciseYear: 2026 },
      ],
    },
    {
      title: 'Clauses sociales du renouvellement urbain – facilitation et parcours vers l’emploi',
      description:
        "Facilitateurs de clauses sociales pour les chantiers du renouvellement urbain : repérage des candidats, préparation aux métiers du bâtiment et suivi dans l'emploi.",
      pillarIndex: 2,
      objectiveCode: '3.1',
      porteurKey: 'plaine-commune',
      qpvCodes: ['QN09301M', 'QN09303M', 'QN09304M'],
      startDate: '2026-01-01',
      endDate: '2026-12-31',
      status: 'PARTIELLEMENT_PROGRAMMEE',
      fundingLines: [
        { funderKey: 'etat', kind: 'DROIT_COMMUN', amountRequestedCents: 4000000, exerciseYear: 2026 },
        { funderKey: 'france-travail', kind: 'DROIT_COMMUN', amountRequestedCents: 3000000, exerciseYear: 2026 },
        { funderKey: 'plaine-commune', kind: 'DROIT_COMMUN', amountRequestedCents: 5000000, exerciseYear: 2026 },
        { funderKey: 'departement', kind: 'FSE', amountRequestedCents: 3500000, exerciseYear: 2026 },
      ],
    },
    {
      title: 'Cuisine itinérante – ateliers nutrition et alimentation durable pour les familles',
      description:
        "Ateliers de cuisine à petit budget avec des produits locaux, animés par les entrepreneurs de l'incubateur dans les centres sociaux du territoire.",
      pillarIndex: 3,
      objectiveCode: '4.1',
      porteurKey: 'plaine-de-saveurs',
      qpvCodes: ['QN09302M', 'QN09304M'],
      startDate: '2026-02-01',
      endDate: '2026-11-30',
      status: 'REFUSEE',
      fundingLines: [
        { funderKey: 'caf', kind: 'DROIT_COMMUN', amountRequestedCents: 800000, exerciseYear: 2026 },
        { funderKey: 'etat', kind: 'CREDITS_SPECIFIQUES_P147', amountRequestedCents: 600000, exerciseYear: 2026 },
        { funderKey: 'departement', kind: 'DROIT_COMMUN', amountRequestedCents: 500000, exerciseYear: 2026 },
      ],
    },
    {
      title: 'Chantier éducatif jeunes – reconditionnement de vélos',
      description:
        'Chantier éducatif de six mois pour des jeunes de 16 à 21 ans : reconditionnement de vélos donnés puis revente solidaire, avec une première expérience de travail rémunérée.',
      pillarIndex: 4,
      objectiveCode: '5.1',
      porteurKey: 'bicyclo',
      qpvCodes: ['QN09303M'],
      startDate: '2025-02-01',
      endDate: '2025-07-31',
      status: 'BILAN_ATTENDU',
      fundingLines: [
        { funderKey: 'etat', kind: 'CREDITS_SPECIFIQUES_P147', amountRequestedCents: 700000, exerciseYear: 2025 },
        { funderKey: 'caf', kind: 'DROIT_COMMUN', amountRequestedCents: 400000, exerciseYear: 2025 },
        { funderKey: 'plaine-commune', kind: 'DROIT_COMMUN', amountRequestedCents: 500000, exerciseYear: 2025 },
        { funderKey: 'france-travail', kind: 'DROIT_COMMUN', amountRequestedCents: 300000, exerciseYear: 2025 },
      ],
    },
    {
      title: 'Préfiguration d’une centrale d’achat mutualisée des Restos Passerelle',
      description:
        "Étude d'une centrale d'achat commune aux restaurants sociaux du PTCE. Abandonnée au profit d'un groupement de commandes avec un négociant partenaire.",
      pillarIndex: 2,
      objectiveCode: '3.2',
      porteurKey: 'appui',
      qpvCodes: ['QN09301M'],
      startDate: '2025-01-01',
      endDate: '2025-12-31',
      status: 'ABANDONNEE',
      fundingLines: [
        { funderKey: 'region', kind: 'DROIT_COMMUN', amountRequestedCents: 2000000, exerciseYear: 2025 },
        { funderKey: 'bdt', kind: 'DROIT_COMMUN', amountRequestedCents: 1500000, exerciseYear: 2025 },
      ],
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// Grenoble-Alpes Métropole (SIREN 200040715)
// ---------------------------------------------------------------------------------------------

const GRENOBLE: DemoTenant = {
  siren: '200040715',
  contrat: {
    title: 'Contrat de ville – Engagements Quartiers 2030 de Grenoble-Alpes Métropole',
    startYear: 2024,
    endYear: 2030,
    signatoryKeys: ['etat', 'metro', 'region', 'departement', 'ville-grenoble', 'caf', 'bdt', 'actis', 'france-travail'],
  },
  organisations: [
    { key: 'etat', name: "Préfecture de l'Isère (État)", kind: 'ETAT' },
    { key: 'region', name: 'Région Auvergne-Rhône-Alpes', kind: 'REGION' },
    { key: 'departement', name: "Département de l'Isère", kind: 'DEPARTEMENT' },
    { key: 'metro', name: 'Grenoble-Alpes Métropole', kind: 'EPCI' },
    { key: 'ville-grenoble', name: 'Ville de Grenoble', kind: 'COMMUNE' },
    { key: 'caf', name: "Caisse d'allocations familiales de l'Isère", kind: 'CAF' },
    { key: 'bdt', name: 'Banque des Territoires (Caisse des Dépôts) – Auvergne-Rhône-Alpes', kind: 'BANQUE_DES_TERRITOIRES' },
    { key: 'actis', name: 'Actis', kind: 'BAILLEUR_SOCIAL' },
    { key: 'france-travail', name: 'France Travail Auvergne-Rhône-Alpes', kind: 'FRANCE_TRAVAIL' },
    { key: 'fondation-abbe-pierre', name: 'Fondation Abbé Pierre', kind: 'FONDATION' },
    { key: 'fondation-carasso', name: 'Fondation Daniel et Nina Carasso', kind: 'FONDATION' },
    { key: 'vrac', name: 'VRAC – Vers un Réseau d’Achat Commun', kind: 'ASSOCIATION', siret: '00000177600012', esus: true },
    { key: 'propulse', name: 'Régie de quartiers Propulse', kind: 'REGIE_DE_QUARTIER', siret: '00000184200012', esus: true },
    { key: 'pousada', name: 'SCIC La Pousada', kind: 'SCIC', siret: '00000191700012', esus: true },
  ],
  qpvs: [
    { code: 'QN03801M', name: 'Villeneuve – Village Olympique', communes: ['38185'], generation: '2024' },
    { code: 'QN03802M', name: 'Mistral – Lys Rouge – Camine', communes: ['38185'], generation: '2024' },
    { code: 'QN03803M', name: 'Teisseire – Jeanne d’Arc', communes: ['38185'], generation: '2024' },
    { code: 'QN03804M', name: 'Essarts – Surieux – Village 2', communes: ['38151'], generation: '2024' },
    { code: 'QP038010', name: 'Renaudie – Champberton – La Plaine', communes: ['38421'], generation: '2015', enVeille: true },
  ],
  pillars: [
    {
      kind: 'PILIER',
      title: 'Cohésion sociale',
      objectives: [
        { code: '1.1', title: 'Réussite éducative et parentalité' },
        { code: '1.2', title: 'Accès aux droits et lutte contre le non-recours' },
        { code: '1.3', title: 'Culture, sport et vie associative' },
      ],
    },
    {
      kind: 'PILIER',
      title: 'Cadre de vie et renouvellement urbain',
      objectives: [
        { code: '2.1', title: 'Renouvellement urbain et mixité fonctionnelle' },
        { code: '2.2', title: 'Gestion urbaine et sociale de proximité' },
        { code: '2.3', title: 'Tranquillité résidentielle et médiation' },
      ],
    },
    {
      kind: 'PILIER',
      title: 'Développement économique et emploi',
      objectives: [
        { code: '3.1', title: "Accès à l'emploi, insertion et clauses sociales" },
        { code: '3.2', title: "Création d'activité et accompagnement des structures de l'ESS" },
        { code: '3.3', title: "Immobilier d'activité et hôtels d'entreprises dans les quartiers" },
      ],
    },
    {
      kind: 'AXE_TRANSVERSAL',
      title: 'Transition écologique',
      objectives: [
        { code: '4.1', title: 'Alimentation de qualité accessible à tous' },
        { code: '4.2', title: 'Rénovation énergétique et sobriété' },
      ],
    },
    {
      kind: 'AXE_TRANSVERSAL',
      title: 'Égalité femmes-hommes',
      objectives: [
        { code: '5.1', title: 'Entrepreneuriat et emploi des femmes' },
        { code: '5.2', title: "Place des femmes dans l'espace public" },
      ],
    },
  ],
  actions: [
    {
      // Co-investisseurs d'ARTIS Grenoble selon le guide : participations 4 174 K€ pour 4 884 K€ HT
      // d'investissement (reste à financer non affecté : 710 K€).
      title: 'ARTIS Grenoble – hôtel d’activités ESS au cœur de Mistral',
      description:
        "Hôtel d'activités de 2 400 m² de bureaux et d'ateliers pour des structures de l'ESS, de l'insertion et de l'artisanat, sous maîtrise d'ouvrage de la Métropole et en concession de travaux. Investissement de 4 884 K€ HT, cofinancé par la Métropole, la Région, l'ANRU, le Département et la Ville de Grenoble (achat du terrain).",
      pillarIndex: 2,
      objectiveCode: '3.3',
      porteurKey: 'metro',
      qpvCodes: ['QN03802M'],
      startDate: '2024-03-01',
      endDate: '2026-09-30',
      status: 'EN_COURS',
      fundingLines: [
        { funderKey: 'metro', kind: 'DROIT_COMMUN', amountRequestedCents: 237200000, exerciseYear: 2024 },
        { funderKey: 'region', kind: 'DROIT_COMMUN', amountRequestedCents: 80000000, exerciseYear: 2024 },
        { funderKey: 'etat', kind: 'AUTRE', amountRequestedCents: 22000000, exerciseYear: 2024 }, // ANRU
        { funderKey: 'departement', kind: 'DROIT_COMMUN', amountRequestedCents: 13200000, exerciseYear: 2024 },
        { funderKey: 'ville-grenoble', kind: 'DROIT_COMMUN', amountRequestedCents: 65000000, exerciseYear: 2024 }, // achat du terrain
      ],
    },
    {
      // Plan de financement du guide : 77 000 €, dont 13 000 € annoncés (promesse) par la Métropole.
      title: 'VRAC – groupements d’achats de produits bio et locaux dans les quartiers',
      description:
        "Groupements d'achats qui proposent aux habitants des produits de qualité, bio et locaux, à prix coûtant, distribués dans des locaux prêtés par les centres sociaux et les bailleurs. L'action mise sur la participation des habitants bénévoles et le lien social.",
      pillarIndex: 3,
      objectiveCode: '4.1',
      porteurKey: 'vrac',
      qpvCodes: ['QN03801M', 'QN03802M', 'QN03804M'],
      startDate: '2026-01-01',
      endDate: '2026-12-31',
      status: 'A_ARBITRER',
      fundingLines: [
        { funderKey: 'fondation-abbe-pierre', kind: 'AUTRE', amountRequestedCents: 4000000, exerciseYear: 2026 },
        { funderKey: 'fondation-carasso', kind: 'AUTRE', amountRequestedCents: 1500000, exerciseYear: 2026 },
        { funderKey: 'region', kind: 'DROIT_COMMUN', amountRequestedCents: 900000, exerciseYear: 2026 },
        { funderKey: 'metro', kind: 'DROIT_COMMUN', amountRequestedCents: 1300000, pledge: true, exerciseYear: 2026 },
      ],
    },
    {
      title: 'Régie de quartiers Propulse – entretien des espaces extérieurs et parcours d’insertion',
      description:
        "Entretien des espaces verts et nettoyage des parties communes confiés à la régie de quartiers, avec des parcours d'insertion pour des habitants éloignés de l'emploi.",
      pillarIndex: 1,
      objectiveCode: '2.2',
      porteurKey: 'propulse',
      qpvCodes: ['QN03804M', 'QN03801M'],
      startDate: '2025-10-01',
      endDate: '2026-09-30',
      status: 'CONVENTIONNEE',
      fundingLines: [
        { funderKey: 'actis', kind: 'DROIT_COMMUN', amountRequestedCents: 4500000, exerciseYear: 2025 },
        { funderKey: 'etat', kind: 'DROIT_COMMUN', amountRequestedCents: 6000000, exerciseYear: 2025 },
        { funderKey: 'metro', kind: 'DROIT_COMMUN', amountRequestedCents: 2000000, exerciseYear: 2025 },
        { funderKey: 'departement', kind: 'DROIT_COMMUN', amountRequestedCents: 1500000, exerciseYear: 2025 },
      ],
    },
    {
      title: 'Pépinière ESS d’ARTIS – animation et accompagnement des jeunes structures',
      description:
        "La SCIC La Pousada anime la pépinière des hôtels d'activités ARTIS : loyers progressifs sur 36 mois, accompagnement à la création et coopérations économiques entre occupants. La Métropole met les bureaux de pépinière à disposition.",
      pillarIndex: 2,
      objectiveCode: '3.2',
      porteurKey: 'pousada',
      qpvCodes: ['QN03802M', 'QN03804M'],
      startDate: '2025-01-01',
      endDate: '2025-12-31',
      status: 'EN_COURS',
      fundingLines: [
        { funderKey: 'metro', kind: 'DROIT_COMMUN', amountRequestedCents: 3500000, exerciseYear: 2025 },
        { funderKey: 'metro', kind: 'AUTRE', amountRequestedCents: 1800000, inKind: true, exerciseYear: 2025 },
        { funderKey: 'bdt', kind: 'DROIT_COMMUN', amountRequestedCents: 2000000, exerciseYear: 2025 },
        { funderKey: 'region', kind: 'DROIT_COMMUN', amountRequestedCents: 1500000, exerciseYear: 2025 },
        { funderKey: 'etat', kind: 'CREDITS_SPECIFIQUES_P147', amountRequestedCents: 1000000, exerciseYear: 2025 },
      ],
    },
    {
      title: 'Entreprendre au féminin – parcours d’accompagnement à la création d’activité',
      description:
        "Cycle d'ateliers et accompagnement individuel pour des femmes des quartiers qui souhaitent créer leur activité, avec un accès facilité à la pépinière et aux outils de financement solidaire.",
      pillarIndex: 4,
      objectiveCode: '5.1',
      porteurKey: 'pousada',
      qpvCodes: ['QN03801M', 'QN03803M'],
      startDate: '2026-02-01',
      endDate: '2026-12-31',
      status: 'DEPOSEE',
      fundingLines: [
        { funderKey: 'etat', kind: 'CREDITS_SPECIFIQUES_P147', amountRequestedCents: 1200000, exerciseYear: 2026 },
        { funderKey: 'france-travail', kind: 'DROIT_COMMUN', amountRequestedCents: 1000000, exerciseYear: 2026 },
        { funderKey: 'region', kind: 'FSE', amountRequestedCents: 1800000, exerciseYear: 2026 },
        { funderKey: 'metro', kind: 'DROIT_COMMUN', amountRequestedCents: 800000, exerciseYear: 2026 },
      ],
    },
    {
      title: 'Médiation sociale de soirée dans les montées de la Villeneuve',
      description:
        'Équipe de médiateurs présents en soirée dans les montées et sur les espaces publics, en lien avec les gardiens et les acteurs de prévention.',
      pillarIndex: 1,
      objectiveCode: '2.3',
      porteurKey: 'actis',
      qpvCodes: ['QN03801M'],
      startDate: '2024-01-01',
      endDate: '2024-12-31',
      status: 'SOLDEE',
      fundingLines: [
        { funderKey: 'etat', kind: 'CREDITS_SPECIFIQUES_P147', amountRequestedCents: 1500000, exerciseYear: 2024 },
        { funderKey: 'actis', kind: 'DROIT_COMMUN', amountRequestedCents: 2000000, exerciseYear: 2024 },
        { funderKey: 'ville-grenoble', kind: 'DROIT_COMMUN', amountRequestedCents: 1500000, exerciseYear: 2024 },
      ],
    },
    {
      title: 'Réussite éducative : clubs lecture-écriture et ateliers parents',
      description:
        "Clubs lecture-écriture après la classe pour des élèves de CP et CE1 et ateliers d'échange entre parents, animés avec les écoles et les centres sociaux.",
      pillarIndex: 0,
      objectiveCode: '1.1',
      porteurKey: 'ville-grenoble',
      qpvCodes: ['QN03801M', 'QN03802M', 'QN03803M'],
      startDate: '2026-01-01',
      endDate: '2026-12-31',
      status: 'PROGRAMMEE',
      fundingLines: [
        { funderKey: 'etat', kind: 'CREDITS_SPECIFIQUES_P147', amountRequestedCents: 3000000, exerciseYear: 2026 },
        { funderKey: 'caf', kind: 'DROIT_COMMUN', amountRequestedCents: 1800000, exerciseYear: 2026 },
        { funderKey: 'ville-grenoble', kind: 'DROIT_COMMUN', amountRequestedCents: 2500000, exerciseYear: 2026 },
        { funderKey: 'departement', kind: 'DROIT_COMMUN', amountRequestedCents: 800000, exerciseYear: 2026 },
      ],
    },
    {
      title: 'Ateliers éco-gestes et auto-réhabilitation accompagnée des logements',
      description:
        "Ateliers sur les économies d'énergie et chantiers d'auto-réhabilitation accompagnée chez des locataires, encadrés par la régie de quartiers.",
      pillarIndex: 3,
      objectiveCode: '4.2',
      porteurKey: 'propulse',
      qpvCodes: ['QN03804M', 'QP038010'],
      startDate: '2026-03-01',
      endDate: '2027-02-28',
      status: 'EN_INSTRUCTION',
      fundingLines: [
        { funderKey: 'actis', kind: 'DROIT_COMMUN', amountRequestedCents: 2000000, exerciseYear: 2026 },
        { funderKey: 'metro', kind: 'DROIT_COMMUN', amountRequestedCents: 1500000, exerciseYear: 2026 },
        { funderKey: 'bdt', kind: 'DROIT_COMMUN', amountRequestedCents: 1000000, exerciseYear: 2026 },
        { funderKey: 'region', kind: 'FEDER', amountRequestedCents: 2500000, exerciseYear: 2026 },
      ],
    },
    {
      title: 'Permanences itinérantes d’accès aux droits',
      description:
        "Un bus d'accès aux droits tient des permanences au pied des immeubles pour aider les habitants dans leurs démarches administratives et réduire le non-recours aux prestations.",
      pillarIndex: 0,
      objectiveCode: '1.2',
      porteurKey: 'ville-grenoble',
      qpvCodes: ['QN03802M', 'QN03803M'],
      startDate: '2026-04-01',
      endDate: '2026-12-31',
      status: 'BROUILLON',
      fundingLines: [
        { funderKey: 'caf', kind: 'DROIT_COMMUN', amountRequestedCents: 1000000, exerciseYear: 2026 },
        { funderKey: 'etat', kind: 'CREDITS_SPECIFIQUES_P147', amountRequestedCents: 800000, exerciseYear: 2026 },
        { funderKey: 'departement', kind: 'DROIT_COMMUN', amountRequestedCents: 1200000, exerciseYear: 2026 },
      ],
    },
    {
      title: 'Atelier vélo solidaire en chantier d’insertion',
      description:
        "Création d'un atelier de réparation et de réemploi de vélos en chantier d'insertion, installé dans un local d'activité d'ARTIS Échirolles, avec huit postes en insertion.",
      pillarIndex: 2,
      objectiveCode: '3.1',
      porteurKey: 'propulse',
      qpvCodes: ['QN03804M'],
      startDate: '2026-01-01',
      endDate: '2026-12-31',
      status: 'A_ARBITRER',
      fundingLines: [
        { funderKey: 'etat', kind: 'DROIT_COMMUN', amountRequestedCents: 5000000, exerciseYear: 2026 },
        { funderKey: 'france-travail', kind: 'DROIT_COMMUN', amountRequestedCents: 1200000, exerciseYear: 2026 },
        { funderKey: 'departement', kind: 'DROIT_COMMUN', amountRequestedCents: 1800000, exerciseYear: 2026 },
        { funderKey: 'metro', kind: 'DROIT_COMMUN', amountRequestedCents: 1000000, exerciseYear: 2026 },
      ],
    },
    {
      title: 'Programmation culturelle participative à Teisseire',
      description: "Résidences d'artistes et spectacles co-construits avec les habitants, dans une salle de quartier rénovée.",
      pillarIndex: 0,
      objectiveCode: '1.3',
      porteurKey: 'ville-grenoble',
      qpvCodes: ['QN03803M'],
      startDate: '2026-01-01',
      endDate: '2026-12-31',
      status: 'PARTIELLEMENT_PROGRAMMEE',
      fundingLines: [
        { funderKey: 'etat', kind: 'CREDITS_SPECIFIQUES_P147', amountRequestedCents: 1000000, exerciseYear: 2026 },
        { funderKey: 'region', kind: 'DROIT_COMMUN', amountRequestedCents: 800000, exerciseYear: 2026 },
        { funderKey: 'ville-grenoble', kind: 'DROIT_COMMUN', amountRequestedCents: 1200000, exerciseYear: 2026 },
      ],
    },
    {
      title: 'Forum emploi et clauses d’insertion du renouvellement urbain',
      description:
        'Forum de recrutement avec les entreprises titulaires des marchés du renouvellement urbain, préparé par des ateliers CV et entretiens.',
      pillarIndex: 2,
      objectiveCode: '3.1',
      porteurKey: 'metro',
      qpvCodes: ['QN03801M', 'QN03802M', 'QN03804M'],
      startDate: '2025-03-01',
      endDate: '2025-06-30',
      status: 'BILAN_ATTENDU',
      fundingLines: [
        { funderKey: 'france-travail', kind: 'DROIT_COMMUN', amountRequestedCents: 600000, exerciseYear: 2025 },
        { funderKey: 'etat', kind: 'CREDITS_SPECIFIQUES_P147', amountRequestedCents: 400000, exerciseYear: 2025 },
        { funderKey: 'metro', kind: 'DROIT_COMMUN', amountRequestedCents: 500000, exerciseYear: 2025 },
      ],
    },
  ],
};

export const DEMO_TENANTS: DemoTenant[] = [RENNES, PLAINE_COMMUNE, GRENOBLE];
