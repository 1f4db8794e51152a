/**
 * The document vocabularies (ARCHITECTURE §5, shared/dedupe/FORMAT.md): closed code lists with
 * English, French and Spanish labels. The order of each list is the order to show it in; for
 * interaction levels it is also the scale (silos lowest, cooperation highest).
 *
 * Codes are the interchange spellings of FORMAT.md; never rename one, only add.
 */

export interface Labels {
  readonly en: string;
  readonly fr: string;
  readonly es: string;
}

export interface VocabularyEntry {
  readonly code: string;
  readonly label: Labels;
  /** The matching IATI codelist code, for vocabularies that mirror one (ActivityStatus, OrganisationRole). */
  readonly iatiCode?: string;
}

/** The six key policy areas (doc 000). */
export const POLICY_AREAS = [
  {
    code: 'LNOB_INCLUSION',
    label: {
      en: 'Leave no one behind and rights-based inclusion',
      fr: 'Ne laisser personne de côté et inclusion fondée sur les droits',
      es: 'No dejar a nadie atrás e inclusión basada en derechos',
    },
  },
  {
    code: 'INFORMAL_ECONOMY',
    label: {
      en: 'Informal economy and the missing middle',
      fr: 'Économie informelle et chaînon manquant',
      es: 'Economía informal y sector intermedio no cubierto',
    },
  },
  { code: 'FINANCING', label: { en: 'Financing', fr: 'Financement', es: 'Financiación' } },
  {
    code: 'DELIVERY_SYSTEMS',
    label: {
      en: 'Information and delivery systems',
      fr: "Systèmes d'information et de prestation",
      es: 'Sistemas de información y de prestación',
    },
  },
  {
    code: 'SHOCK_RESPONSIVE',
    label: {
      en: 'Adaptive and shock-responsive systems',
      fr: 'Systèmes adaptatifs et réactifs aux chocs',
      es: 'Sistemas adaptativos y reactivos ante crisis',
    },
  },
  {
    code: 'HEALTH_INTEGRATION',
    label: {
      en: 'Social protection and universal health coverage integration',
      fr: 'Intégration de la protection sociale et de la couverture sanitaire universelle',
      es: 'Integración de la protección social y la cobertura sanitaria universal',
    },
  },
] as const satisfies readonly VocabularyEntry[];

/** The four social protection floor guarantees (ILO Recommendation 202, doc 001). */
export const GUARANTEES = [
  {
    code: 'HEALTH_CARE',
    label: {
      en: 'Essential health care, including maternity care',
      fr: 'Soins de santé essentiels, y compris les soins de maternité',
      es: 'Atención de salud esencial, incluida la atención de la maternidad',
    },
  },
  {
    code: 'CHILDREN',
    label: {
      en: 'Basic income security for children',
      fr: 'Sécurité élémentaire de revenu pour les enfants',
      es: 'Seguridad básica del ingreso para los niños',
    },
  },
  {
    code: 'WORKING_AGE',
    label: {
      en: 'Basic income security for persons of working age',
      fr: "Sécurité élémentaire de revenu pour les personnes d'âge actif",
      es: 'Seguridad básica del ingreso para las personas en edad activa',
    },
  },
  {
    code: 'OLDER_PERSONS',
    label: {
      en: 'Basic income security for older persons',
      fr: 'Sécurité élémentaire de revenu pour les personnes âgées',
      es: 'Seguridad básica del ingreso para las personas de edad',
    },
  },
] as const satisfies readonly VocabularyEntry[];

/** Delivery stages (doc 001 actor matrix). */
export const STAGES = [
  {
    code: 'POLICY_MAKING',
    label: { en: 'Policy making', fr: 'Élaboration des politiques', es: 'Formulación de políticas' },
  },
  {
    code: 'PLANNING_BUDGETING',
    label: {
      en: 'Planning and budgeting',
      fr: 'Planification et budgétisation',
      es: 'Planificación y presupuestación',
    },
  },
  {
    code: 'SCHEME_DESIGN',
    label: {
      en: 'Scheme design and validation',
      fr: 'Conception et validation des régimes',
      es: 'Diseño y validación de regímenes',
    },
  },
  { code: 'IMPLEMENTATION', label: { en: 'Implementation', fr: 'Mise en œuvre', es: 'Implementación' } },
  // The implementation sub-stages of doc 001 (l.404–410); naming one implies IMPLEMENTATION.
  {
    code: 'IMPLEMENTATION_INFORMATION',
    label: {
      en: 'Implementation: information to the population',
      fr: 'Mise en œuvre : information de la population',
      es: 'Implementación: información a la población',
    },
  },
  {
    code: 'IMPLEMENTATION_SELECTION',
    label: { en: 'Implementation: selection', fr: 'Mise en œuvre : sélection', es: 'Implementación: selección' },
  },
  {
    code: 'IMPLEMENTATION_ENROLMENT',
    label: { en: 'Implementation: enrolment', fr: 'Mise en œuvre : inscription', es: 'Implementación: inscripción' },
  },
  {
    code: 'IMPLEMENTATION_CONTRIBUTIONS',
    label: {
      en: 'Implementation: collection of contributions',
      fr: 'Mise en œuvre : collecte des cotisations',
      es: 'Implementación: recaudación de cotizaciones',
    },
  },
  {
    code: 'IMPLEMENTATION_BENEFIT_DELIVERY',
    label: {
      en: 'Implementation: delivery of benefits',
      fr: 'Mise en œuvre : versement des prestations',
      es: 'Implementación: entrega de prestaciones',
    },
  },
  {
    code: 'IMPLEMENTATION_GRIEVANCES',
    label: {
      en: 'Implementation: grievance management',
      fr: 'Mise en œuvre : gestion des plaintes',
      es: 'Implementación: gestión de reclamaciones',
    },
  },
  {
    code: 'MONITORING_EVALUATION',
    label: { en: 'Monitoring and evaluation', fr: 'Suivi et évaluation', es: 'Seguimiento y evaluación' },
  },
] as const satisfies readonly VocabularyEntry[];

/** What kind of support an activity gives. */
export const FUNCTIONS = [
  {
    code: 'POLICY_ADVICE',
    label: { en: 'Policy advice', fr: 'Conseil en matière de politiques', es: 'Asesoramiento en políticas' },
  },
  { code: 'LEGAL_FRAMEWORK', label: { en: 'Legal framework', fr: 'Cadre juridique', es: 'Marco jurídico' } },
  {
    code: 'ASSESSMENT',
    label: { en: 'Assessment and diagnostics', fr: 'Évaluation et diagnostic', es: 'Evaluación y diagnóstico' },
  },
  {
    code: 'COSTING_FISCAL_SPACE',
    label: {
      en: 'Costing and fiscal space',
      fr: 'Chiffrage et espace budgétaire',
      es: 'Estimación de costos y espacio fiscal',
    },
  },
  {
    code: 'CAPACITY_BUILDING',
    label: { en: 'Capacity building', fr: 'Renforcement des capacités', es: 'Fortalecimiento de capacidades' },
  },
  {
    code: 'INFORMATION_SYSTEMS',
    label: {
      en: 'Information systems and registries',
      fr: "Systèmes d'information et registres",
      es: 'Sistemas de información y registros',
    },
  },
  {
    code: 'CASH_TRANSFER',
    label: { en: 'Cash transfers', fr: 'Transferts monétaires', es: 'Transferencias monetarias' },
  },
  { code: 'IN_KIND', label: { en: 'In-kind transfers', fr: 'Transferts en nature', es: 'Transferencias en especie' } },
  {
    code: 'SERVICE_DELIVERY',
    label: { en: 'Service delivery', fr: 'Prestation de services', es: 'Prestación de servicios' },
  },
  { code: 'ADVOCACY', label: { en: 'Advocacy', fr: 'Plaidoyer', es: 'Promoción' } },
  { code: 'COORDINATION', label: { en: 'Coordination', fr: 'Coordination', es: 'Coordinación' } },
  { code: 'RESEARCH', label: { en: 'Research', fr: 'Recherche', es: 'Investigación' } },
  {
    code: 'MONITORING_EVALUATION',
    label: { en: 'Monitoring and evaluation', fr: 'Suivi et évaluation', es: 'Seguimiento y evaluación' },
  },
] as const satisfies readonly VocabularyEntry[];

/** Target groups (SDG indicator 1.3.1 groups and the source documents). */
export const TARGET_GROUPS = [
  { code: 'CHILDREN', label: { en: 'Children', fr: 'Enfants', es: 'Niños y niñas' } },
  {
    code: 'PREGNANT_WOMEN_NEWBORNS',
    label: {
      en: 'Pregnant women and newborns',
      fr: 'Femmes enceintes et nouveau-nés',
      es: 'Mujeres embarazadas y recién nacidos',
    },
  },
  { code: 'OLDER_PERSONS', label: { en: 'Older persons', fr: 'Personnes âgées', es: 'Personas mayores' } },
  {
    code: 'PERSONS_WITH_DISABILITIES',
    label: { en: 'Persons with disabilities', fr: 'Personnes handicapées', es: 'Personas con discapacidad' },
  },
  { code: 'UNEMPLOYED', label: { en: 'Unemployed persons', fr: 'Personnes au chômage', es: 'Personas desempleadas' } },
  {
    code: 'WORK_INJURY_VICTIMS',
    label: {
      en: 'Work-injury victims',
      fr: "Victimes d'accidents du travail",
      es: 'Víctimas de accidentes del trabajo',
    },
  },
  {
    code: 'POOR_VULNERABLE',
    label: {
      en: 'Poor and vulnerable people',
      fr: 'Personnes pauvres et vulnérables',
      es: 'Personas pobres y vulnerables',
    },
  },
  {
    code: 'INFORMAL_WORKERS',
    label: {
      en: 'Informal economy workers',
      fr: "Travailleurs de l'économie informelle",
      es: 'Trabajadores de la economía informal',
    },
  },
  { code: 'WOMEN', label: { en: 'Women', fr: 'Femmes', es: 'Mujeres' } },
  {
    code: 'REFUGEES_MIGRANTS',
    label: {
      en: 'Refugees, migrants and displaced persons',
      fr: 'Réfugiés, migrants et personnes déplacées',
      es: 'Personas refugiadas, migrantes y desplazadas',
    },
  },
  {
    code: 'RURAL_WORKERS',
    label: {
      en: 'Rural and farm workers',
      fr: 'Travailleurs ruraux et agricoles',
      es: 'Trabajadores rurales y agrícolas',
    },
  },
  {
    code: 'DOMESTIC_WORKERS',
    label: { en: 'Domestic workers', fr: 'Travailleurs domestiques', es: 'Trabajadores domésticos' },
  },
  { code: 'YOUTH', label: { en: 'Youth', fr: 'Jeunes', es: 'Jóvenes' } },
] as const satisfies readonly VocabularyEntry[];

/** Activity status: the IATI ActivityStatus codelist by name (fr labels are IATI's own). */
export const ACTIVITY_STATUSES = [
  {
    code: 'PIPELINE',
    iatiCode: '1',
    label: { en: 'Pipeline/identification', fr: 'Planification', es: 'En preparación/identificación' },
  },
  { code: 'IMPLEMENTATION', iatiCode: '2', label: { en: 'Implementation', fr: 'Actif', es: 'En ejecución' } },
  { code: 'FINALISATION', iatiCode: '3', label: { en: 'Finalisation', fr: 'Finalisation', es: 'En finalización' } },
  { code: 'CLOSED', iatiCode: '4', label: { en: 'Closed', fr: 'Fermé', es: 'Cerrada' } },
  { code: 'CANCELLED', iatiCode: '5', label: { en: 'Cancelled', fr: 'Annulé', es: 'Cancelada' } },
  { code: 'SUSPENDED', iatiCode: '6', label: { en: 'Suspended', fr: 'Suspendu', es: 'Suspendida' } },
] as const satisfies readonly VocabularyEntry[];

/** A partner's role in an activity: the IATI OrganisationRole codelist by name (fr labels are IATI's own). */
export const ORGANISATION_ROLES = [
  { code: 'FUNDING', iatiCode: '1', label: { en: 'Funding', fr: 'Financement', es: 'Financiadora' } },
  { code: 'ACCOUNTABLE', iatiCode: '2', label: { en: 'Accountable', fr: 'Responsabilité', es: 'Responsable' } },
  { code: 'EXTENDING', iatiCode: '3', label: { en: 'Extending', fr: 'Octroi', es: 'Gestora' } },
  { code: 'IMPLEMENTING', iatiCode: '4', label: { en: 'Implementing', fr: 'Mise en œuvre', es: 'Ejecutora' } },
] as const satisfies readonly VocabularyEntry[];

/** Channels of inter-agency collaboration (doc 000). */
export const COLLABORATION_CHANNELS = [
  {
    code: 'JOINT_PROGRAMMING',
    label: { en: 'Joint programming', fr: 'Programmation conjointe', es: 'Programación conjunta' },
  },
  {
    code: 'JOINT_RESOURCE_MOBILISATION',
    label: {
      en: 'Joint resource mobilisation',
      fr: 'Mobilisation conjointe de ressources',
      es: 'Movilización conjunta de recursos',
    },
  },
  {
    code: 'JOINT_ANALYTICAL_WORK',
    label: { en: 'Joint analytical work', fr: 'Travaux analytiques conjoints', es: 'Trabajo analítico conjunto' },
  },
  { code: 'COMMON_MESSAGING', label: { en: 'Common messaging', fr: 'Messages communs', es: 'Mensajes comunes' } },
  {
    code: 'COORDINATED_OPERATIONS',
    label: { en: 'Coordinated operations', fr: 'Opérations coordonnées', es: 'Operaciones coordinadas' },
  },
] as const satisfies readonly VocabularyEntry[];

/** Levels of interaction between two stakeholders (doc 001), lowest first. */
export const INTERACTION_LEVELS = [
  { code: 'SILOS', label: { en: 'Working in silos', fr: 'Travail en silos', es: 'Trabajo en silos' } },
  {
    code: 'INFORMATION_SHARING',
    label: { en: 'Information sharing', fr: "Partage d'informations", es: 'Intercambio de información' },
  },
  {
    code: 'POLICY_ALIGNMENT',
    label: { en: 'Policy alignment', fr: 'Alignement des politiques', es: 'Alineación de políticas' },
  },
  { code: 'COOPERATION', label: { en: 'Cooperation', fr: 'Coopération', es: 'Cooperación' } },
] as const satisfies readonly VocabularyEntry[];

/** How strongly an organisation's mandate covers an area. */
export const MANDATE_LEVELS = [
  { code: 'LEAD', label: { en: 'Lead', fr: 'Chef de file', es: 'Líder' } },
  { code: 'CORE', label: { en: 'Core', fr: 'Principal', es: 'Principal' } },
  { code: 'CONTRIBUTING', label: { en: 'Contributing', fr: 'Contributeur', es: 'Colaborador' } },
] as const satisfies readonly VocabularyEntry[];

/** Whether an organisation has a resident office in a country. */
export const RESIDENCIES = [
  { code: 'RESIDENT', label: { en: 'Resident', fr: 'Résident', es: 'Residente' } },
  { code: 'NON_RESIDENT', label: { en: 'Non-resident', fr: 'Non résident', es: 'No residente' } },
] as const satisfies readonly VocabularyEntry[];

/**
 * UN regions, one per UNDP regional bureau (the codes coordination bodies are scoped by): AFRICA is
 * sub-Saharan Africa (RBA), ARAB_STATES the Arab States (RBAS), ASIA_PACIFIC Asia and the Pacific
 * (RBAP), EUROPE_CENTRAL_ASIA Europe and the CIS (RBEC), LATIN_AMERICA_CARIBBEAN Latin America and
 * the Caribbean (RBLAC). Which country is in which: data/country-regions.csv, `regionOf`.
 */
export const REGIONS = [
  { code: 'AFRICA', label: { en: 'Africa', fr: 'Afrique', es: 'África' } },
  { code: 'ARAB_STATES', label: { en: 'Arab States', fr: 'États arabes', es: 'Estados Árabes' } },
  { code: 'ASIA_PACIFIC', label: { en: 'Asia and the Pacific', fr: 'Asie et Pacifique', es: 'Asia y el Pacífico' } },
  {
    code: 'EUROPE_CENTRAL_ASIA',
    label: { en: 'Europe and Central Asia', fr: 'Europe et Asie centrale', es: 'Europa y Asia Central' },
  },
  {
    code: 'LATIN_AMERICA_CARIBBEAN',
    label: {
      en: 'Latin America and the Caribbean',
      fr: 'Amérique latine et Caraïbes',
      es: 'América Latina y el Caribe',
    },
  },
] as const satisfies readonly VocabularyEntry[];

/** Every vocabulary by name. The names are the FORMAT.md field names where there is one. */
export const VOCABULARIES = {
  policyAreas: POLICY_AREAS,
  guarantees: GUARANTEES,
  stages: STAGES,
  functions: FUNCTIONS,
  targetGroups: TARGET_GROUPS,
  activityStatuses: ACTIVITY_STATUSES,
  organisationRoles: ORGANISATION_ROLES,
  collaborationChannels: COLLABORATION_CHANNELS,
  interactionLevels: INTERACTION_LEVELS,
  mandateLevels: MANDATE_LEVELS,
  residencies: RESIDENCIES,
  regions: REGIONS,
} as const;

export type VocabularyName = keyof typeof VOCABULARIES;

/** The codes of one vocabulary, e.g. `VocabularyCode<'stages'>` is `'POLICY_MAKING' | …`. */
export type VocabularyCode<N extends VocabularyName> = (typeof VOCABULARIES)[N][number]['code'];

export type PolicyArea = VocabularyCode<'policyAreas'>;
export type Guarantee = VocabularyCode<'guarantees'>;
export type DeliveryStage = VocabularyCode<'stages'>;
/** Named so as not to shadow the global `Function` type. */
export type ActivityFunction = VocabularyCode<'functions'>;
export type TargetGroup = VocabularyCode<'targetGroups'>;
export type ActivityStatus = VocabularyCode<'activityStatuses'>;
export type OrganisationRole = VocabularyCode<'organisationRoles'>;
export type CollaborationChannel = VocabularyCode<'collaborationChannels'>;
export type InteractionLevel = VocabularyCode<'interactionLevels'>;
export type MandateLevel = VocabularyCode<'mandateLevels'>;
export type Residency = VocabularyCode<'residencies'>;
export type Region = VocabularyCode<'regions'>;
