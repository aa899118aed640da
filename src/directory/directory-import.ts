import type { EntityManager } from '@mikro-orm/postgresql';
import { StructureKind } from '../shared/structure-kind';
import { Service } from '../structures/service.entity';
import { Structure } from '../structures/structure.entity';
import { type DiRecord, PASSERELLE_SOURCE, checkService, checkStructure, serviceFields, structureFields } from './data-inclusion';

export interface Rejected {
  kind: 'structure' | 'service';
  /** 1-based position in its list. */
  line: number;
  id: string | null;
  errors: string[];
}

export interface ImportReport {
  structures: { created: number; updated: number };
  services: { created: number; updated: number };
  rejected: Rejected[];
}

/** The file: `{ "structures": [...], "services": [...] }`, or a list of structures alone. */
export function parseDirectoryFile(content: string): { structures: unknown[]; services: unknown[] } {
  const parsed: unknown = JSON.parse(content);
  if (Array.isArray(parsed)) return { structures: parsed, services: [] };
  if (parsed && typeof parsed === 'object') {
    const { structures = [], services = [] } = parsed as { structures?: unknown; services?: unknown };
    if (Array.isArray(structures) && Array.isArray(services)) return { structures, services };
  }
  throw new Error('not a data·inclusion file: expected { "structures": [...], "services": [...] } or a list of structures');
}

const keyOf = (record: DiRecord, id: unknown = record.id) => `${String(record.source)}\u0000${String(id)}`;

/**
 * Imports structures and services in the data·inclusion v1 format, idempotently on `source` +
 * `id`: every line is checked first, and one rejected line rejects the file (a report of the
 * rejected lines, nothing written); otherwise everything is written in one transaction. New
 * structures are ASSOCIATIONs of the directory; their services receive no referral until a
 * platform administrator says so. Rows published by Passerelle itself (source "passerelle")
 * are not imported back.
 */
export async function importDataInclusion(root: EntityManager, file: { structures: unknown[]; services: unknown[] }): Promise<ImportReport> {
  const report: ImportReport = { structures: { created: 0, updated: 0 }, services: { created: 0, updated: 0 }, rejected: [] };
  const reject = (kind: Rejected['kind'], index: number, record: unknown, errors: string[]) =>
    report.rejected.push({ kind, line: index + 1, id: typeof (record as DiRecord)?.id === 'string' ? ((record as DiRecord).id as string) : null, errors });

  const structures = file.structures as DiRecord[];
  const services = file.services as DiRecord[];
  const seen = new Set<string>();
  structures.forEach((record, index) => {
    const errors = checkStructure(record);
    if (errors.length === 0 && record.source === PASSERELLE_SOURCE) errors.push('source "passerelle" is Passerelle\'s own publication');
    if (errors.length === 0 && seen.has(keyOf(record))) errors.push('the same source and id appear twice');
    if (errors.length === 0) seen.add(keyOf(record));
    if (errors.length) reject('structure', index, record, errors);
  });

  const em = root.fork();
  const existing = await em.find(Structure, { source: { $ne: null } });
  const known = new Set([...seen, ...existing.map((structure) => `${structure.source}\u0000${structure.sourceId}`)]);
  const names = new Map((await em.find(Structure, {}, { fields: ['name', 'source', 'sourceId'] })).map((structure) => [structure.name, structure]));
  structures.forEach((record, index) => {
    if (checkStructure(record).length) return;
    const sameName = names.get(String(record.nom).trim());
    if (sameName && (sameName.source !== record.source || sameName.sourceId !== record.id)) {
      reject('structure', index, record, [`nom: a structure named "${String(record.nom).trim()}" exists already`]);
    }
  });
  const seenServices = new Set<string>();
  services.forEach((record, index) => {
    const errors = checkService(record);
    if (errors.length === 0 && !known.has(keyOf(record, record.structure_id))) errors.push('structure_id names no structure of this source, in the file or imported before');
    if (errors.length === 0 && seenServices.has(keyOf(record))) errors.push('the same source and id appear twice');
    if (errors.length === 0) seenServices.add(keyOf(record));
    if (errors.length) reject('service', index, record, errors);
  });
  if (report.rejected.length > 0) return report;

  await em.transactional(async (tx) => {
    const bySource = new Map<string, Structure>();
    for (const record of structures) {
      const fields = structureFields(record);
      let structure = await tx.findOne(Structure, { source: fields.source, sourceId: fields.sourceId });
      if (structure) report.structures.updated += 1;
      else {
        structure = new Structure(fields.name, StructureKind.ASSOCIATION);
        tx.persist(structure);
        report.structures.created += 1;
      }
      Object.assign(structure, fields);
      bySource.set(keyOf(record), structure);
    }
    for (const record of services) {
      const structure =
        bySource.get(keyOf(record, record.structure_id)) ??
        (await tx.findOneOrFail(Structure, { source: String(record.source), sourceId: String(record.structure_id) }));
      const fields = serviceFields(record);
      let service = await tx.findOne(Service, { source: fields.source, sourceId: fields.sourceId });
      if (service) report.services.updated += 1;
      else {
        service = new Service(structure, fields.name);
        service.receivesReferrals = false;
        tx.persist(service);
        report.services.created += 1;
      }
      Object.assign(service, fields, { structure });
    }
  });
  return report;
}
