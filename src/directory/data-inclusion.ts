import { isDepartement } from '../shared/departement';
import { isSiret } from '../shared/siret';
import { StructureKind } from '../shared/structure-kind';
import type { Service } from '../structures/service.entity';
import type { Structure } from '../structures/structure.entity';

/**
 * The national directory's format, data·inclusion schema v1 (gip-inclusion/data-inclusion-schema):
 * a structure and its services, each known by `source` + `id`. Fields Passerelle keeps in its
 * own columns are mapped; the others travel in the row's `listing`, as given.
 */
export type DiRecord = Record<string, unknown>;

/** The source Passerelle's own rows are published under. */
export const PASSERELLE_SOURCE = 'passerelle';

/** Kinds of structure the directory publishes: the partners (not prisons, evaluators or the platform). */
export const PUBLISHED_KINDS: readonly StructureKind[] = [StructureKind.SPIP, StructureKind.CSAPA, StructureKind.SIAO, StructureKind.ASSOCIATION];

type Check = (value: unknown) => string | null;

const text = (min: number, max: number, noFinalDot = false): Check => (value) =>
  typeof value !== 'string' || value.trim().length < min || value.length > max
    ? `must be a text of ${min} to ${max} characters`
    : noFinalDot && value.trim().endsWith('.')
      ? 'must not end with a dot'
      : null;
const pattern = (regex: RegExp, what: string): Check => (value) => (typeof value === 'string' && regex.test(value) ? null : `must be ${what}`);
const number: Check = (value) => (typeof value === 'number' && Number.isFinite(value) ? null : 'must be a number');
const slugs: Check = (value) =>
  Array.isArray(value) && value.every((item) => typeof item === 'string' && /^[a-z0-9]+(-[a-z0-9]+)*(--[a-z0-9]+(-[a-z0-9]+)*)?$/.test(item))
    ? null
    : 'must be a list of values of its referential (lower-case slugs)';
const uri: Check = (value) => {
  if (typeof value !== 'string') return 'must be a URI';
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol) ? null : 'must be an http(s) URI';
  } catch {
    return 'must be a URI';
  }
};
const email = pattern(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'an e-mail address');
const date = pattern(/^\d{4}-\d{2}-\d{2}$/, 'a date (YYYY-MM-DD)');
const anyText = text(1, 5000);
const zones: Check = (value) =>
  Array.isArray(value) && value.every((code) => typeof code === 'string' && (code === 'france' || /^(\d{5}|\d{9}|[0-9]{2}|2A|2B|97\d|\w{5})$/.test(code)))
    ? null
    : 'must be a list of COG codes (commune, département, EPCI) or "france"';
const modesAccueil: Check = (value) =>
  Array.isArray(value) && value.every((mode) => mode === 'en-presentiel' || mode === 'a-distance') ? null : 'must list "en-presentiel" and/or "a-distance"';

const ADDRESS: Record<string, Check> = {
  commune: text(1, 200),
  code_postal: pattern(/^\d{5}$/, 'five digits'),
  code_insee: pattern(/^\w{5}$/, 'an INSEE commune code'),
  adresse: text(1, 500),
  complement_adresse: text(1, 500),
  longitude: number,
  latitude: number,
  telephone: text(1, 50),
  courriel: email,
  horaires_accueil: anyText,
};

const COMMON: Record<string, Check> = {
  source: pattern(/^[a-z0-9][a-z0-9_-]{0,99}$/, 'a source name (lower-case)'),
  id: text(1, 200),
  nom: text(3, 150, true),
  description: text(50, 2000),
  date_maj: date,
};

const STRUCTURE_FIELDS: Record<string, Check> = {
  ...COMMON,
  ...ADDRESS,
  siret: (value) => (typeof value === 'string' && isSiret(value) ? null : 'must be a valid SIRET'),
  site_web: uri,
  accessibilite_lieu: uri,
  reseaux_porteurs: slugs,
};

const SERVICE_FIELDS: Record<string, Check> = {
  ...COMMON,
  ...ADDRESS,
  structure_id: text(1, 200),
  types: slugs,
  thematiques: slugs,
  frais: pattern(/^[a-z0-9-]+$/, 'a value of the frais referential'),
  frais_precisions: anyText,
  publics: slugs,
  publics_precisions: anyText,
  conditions_acces: anyText,
  modes_accueil: modesAccueil,
  zone_eligibilite: zones,
  contact_nom_prenom: text(1, 200),
  lien_mobilisation: uri,
  modes_mobilisation: slugs,
  mobilisable_par: slugs,
  mobilisation_precisions: anyText,
  volume_horaire_hebdomadaire: number,
  nombre_semaines: (value) => (Number.isInteger(value) && (value as number) >= 1 ? null : 'must be a whole number of at least 1'),
};

const REQUIRED_STRUCTURE = ['source', 'id', 'nom', 'description', 'date_maj'];
const REQUIRED_SERVICE = [...REQUIRED_STRUCTURE, 'structure_id'];

function check(record: unknown, fields: Record<string, Check>, required: string[]): string[] {
  if (record === null || typeof record !== 'object' || Array.isArray(record)) return ['must be an object'];
  const errors: string[] = [];
  for (const name of required) if ((record as DiRecord)[name] === undefined || (record as DiRecord)[name] === null) errors.push(`${name} is required`);
  for (const [name, value] of Object.entries(record as DiRecord)) {
    const field = fields[name];
    if (!field) errors.push(`${name} is not a field of data·inclusion v1`);
    else if (value !== null && value !== undefined) {
      const problem = field(value);
      if (problem) errors.push(`${name} ${problem}`);
    }
  }
  return errors;
}

export const checkStructure = (record: unknown): string[] => check(record, STRUCTURE_FIELDS, REQUIRED_STRUCTURE);
export const checkService = (record: unknown): string[] => check(record, SERVICE_FIELDS, REQUIRED_SERVICE);

/** The fields of a record that the row does not hold in columns of its own. */
function listingOf(record: DiRecord, own: string[]): DiRecord {
  const listing: DiRecord = {};
  for (const [name, value] of Object.entries(record)) if (!own.includes(name) && value !== null && value !== undefined) listing[name] = value;
  return listing;
}

const STRUCTURE_COLUMNS = ['source', 'id', 'nom', 'date_maj', 'siret', 'commune'];
const SERVICE_COLUMNS = ['source', 'id', 'nom', 'date_maj', 'structure_id'];

/** The département of an address: from the INSEE commune code, else the postal code. */
export function departementOf(record: DiRecord): string | null {
  const insee = typeof record.code_insee === 'string' ? record.code_insee : null;
  const postal = typeof record.code_postal === 'string' ? record.code_postal : null;
  for (const code of [insee, postal]) {
    if (!code) continue;
    const candidate = code.startsWith('97') ? code.slice(0, 3) : code.slice(0, 2);
    if (isDepartement(candidate)) return candidate;
  }
  return null;
}

/** What an imported structure record sets on the row. */
export function structureFields(record: DiRecord) {
  return {
    name: String(record.nom).trim(),
    city: typeof record.commune === 'string' ? record.commune : null,
    siret: typeof record.siret === 'string' ? record.siret : null,
    departement: departementOf(record),
    source: String(record.source),
    sourceId: String(record.id),
    sourceUpdatedOn: String(record.date_maj),
    listing: listingOf(record, STRUCTURE_COLUMNS),
  };
}

export function serviceFields(record: DiRecord) {
  return {
    name: String(record.nom).trim(),
    source: String(record.source),
    sourceId: String(record.id),
    sourceUpdatedOn: String(record.date_maj),
    listing: listingOf(record, SERVICE_COLUMNS),
  };
}

const dateOnly = (value: Date) => value.toISOString().slice(0, 10);

/** A structure as the directory publishes it: its source's id when it came from one, else Passerelle's. */
export function toDiStructure(structure: Structure): DiRecord {
  return {
    source: structure.source ?? PASSERELLE_SOURCE,
    id: structure.sourceId ?? structure.id,
    nom: structure.name,
    date_maj: structure.sourceUpdatedOn ?? dateOnly(structure.updatedAt),
    ...(structure.siret ? { siret: structure.siret } : {}),
    ...(structure.city ? { commune: structure.city } : {}),
    ...(structure.listing ?? {}),
  };
}

export function toDiService(service: Service, structure: Structure): DiRecord {
  return {
    source: service.source ?? structure.source ?? PASSERELLE_SOURCE,
    structure_id: structure.sourceId ?? structure.id,
    id: service.sourceId ?? service.id,
    nom: service.name,
    date_maj: service.sourceUpdatedOn ?? dateOnly(service.updatedAt),
    ...(service.listing ?? {}),
  };
}
