import type { EntityManager } from '@mikro-orm/core';
import { Account } from '../../src/accounts/account.entity';
import { Role } from '../../src/auth/role';
import { Need } from '../../src/shared/need';
import { Convention } from '../../src/support/convention.entity';
import { Service } from '../../src/structures/service.entity';
import { StructureKind } from '../../src/shared/structure-kind';
import { Structure } from '../../src/structures/structure.entity';

/** The demo accounts of the contract (shared/spec/contract.md): login, name, structure key, role. */
export const DEMO_ACCOUNTS = [
  { login: 'cpip.grenoble', displayName: 'Claire Vasseur (CPIP)', structure: 'spip38', role: Role.PROBATION_OFFICER },
  { login: 'cpip.angers', displayName: 'Hugo Lemaire (CPIP)', structure: 'spip49', role: Role.PROBATION_OFFICER },
  { login: 'ts.relais38', displayName: 'Nadia Ferrand (travailleuse sociale)', structure: 'relais38', role: Role.SOCIAL_WORKER },
  { login: 'soignant.csapa44', displayName: 'Yann Le Guen (infirmier)', structure: 'csapa44', role: Role.CARE_WORKER },
  { login: 'soignant.csapa38', displayName: 'Sophie Marchal (médecin addictologue)', structure: 'csapa38', role: Role.CARE_WORKER },
  { login: 'coord.siao38', displayName: 'Julien Roux (coordinateur SIAO)', structure: 'siao38', role: Role.HOUSING_COORDINATOR },
  { login: 'eval.ofdt', displayName: 'Inès Caradec (chargée d’études)', structure: 'ofdt', role: Role.EVALUATOR },
  { login: 'admin.relais38', displayName: 'Marc Olivier (directeur)', structure: 'relais38', role: Role.STRUCTURE_ADMIN },
  { login: 'admin', displayName: 'Administration Passerelle', structure: 'platform', role: Role.PLATFORM_ADMIN },
] as const;

export type DemoStructureKey =
  | 'spip38'
  | 'spip49'
  | 'relais38'
  | 'csapa44'
  | 'csapa38'
  | 'siao38'
  | 'ofdt'
  | 'platform'
  | 'varces'
  | 'angers'
  | 'nantes';

const STRUCTURES: Record<DemoStructureKey, { name: string; kind: StructureKind; departement: string | null; city: string | null; region: string | null }> = {
  spip38: { name: "SPIP de l'Isère", kind: StructureKind.SPIP, departement: '38', city: 'Grenoble', region: 'Auvergne-Rhône-Alpes' },
  spip49: { name: 'SPIP de Maine-et-Loire', kind: StructureKind.SPIP, departement: '49', city: 'Angers', region: 'Pays de la Loire' },
  relais38: { name: 'Relais Isère Sortants', kind: StructureKind.ASSOCIATION, departement: '38', city: 'Grenoble', region: 'Auvergne-Rhône-Alpes' },
  csapa44: { name: 'CSAPA Nantes Addictions', kind: StructureKind.CSAPA, departement: '44', city: 'Nantes', region: 'Pays de la Loire' },
  csapa38: { name: 'CSAPA Grenoble Addictions', kind: StructureKind.CSAPA, departement: '38', city: 'Grenoble', region: 'Auvergne-Rhône-Alpes' },
  siao38: { name: "SIAO de l'Isère", kind: StructureKind.SIAO, departement: '38', city: 'Grenoble', region: 'Auvergne-Rhône-Alpes' },
  ofdt: { name: 'Observatoire des drogues', kind: StructureKind.EVALUATOR, departement: null, city: 'Paris', region: null },
  platform: { name: 'Plateforme', kind: StructureKind.PLATFORM, departement: null, city: null, region: null },
  varces: { name: "Maison d'arrêt de Grenoble-Varces", kind: StructureKind.PRISON, departement: '38', city: 'Varces-Allières-et-Risset', region: 'Auvergne-Rhône-Alpes' },
  angers: { name: "Maison d'arrêt d'Angers", kind: StructureKind.PRISON, departement: '49', city: 'Angers', region: 'Pays de la Loire' },
  nantes: { name: 'Centre pénitentiaire de Nantes', kind: StructureKind.PRISON, departement: '44', city: 'Nantes', region: 'Pays de la Loire' },
};

export type DemoServiceKey = 'relaisSma' | 'relaisHsp' | 'csapa38Care' | 'csapa44Care' | 'csapa44ShortStay' | 'siao38Orientation' | 'siao38Places';

export interface DemoDirectory {
  structures: Record<DemoStructureKey, Structure>;
  services: Record<DemoServiceKey, Service>;
  accounts: Record<(typeof DEMO_ACCOUNTS)[number]['login'], Account>;
  conventions: Convention[];
}

function service(
  em: EntityManager,
  structure: Structure,
  name: string,
  needs: Need[],
  capacity: { housingPlaces?: number; activeFileCapacity?: number } = {},
): Service {
  const created = new Service(structure, name);
  created.needs = needs;
  created.housingPlaces = capacity.housingPlaces ?? null;
  created.activeFileCapacity = capacity.activeFileCapacity ?? null;
  em.persist(created);
  return created;
}

/** Structures, services, conventions and accounts of the demo data set. */
export function seedDirectory(em: EntityManager, year: number): DemoDirectory {
  const structures = {} as Record<DemoStructureKey, Structure>;
  for (const [key, spec] of Object.entries(STRUCTURES) as [DemoStructureKey, (typeof STRUCTURES)[DemoStructureKey]][]) {
    const structure = new Structure(spec.name, spec.kind, spec.departement, spec.city);
    structure.region = spec.region;
    em.persist(structure);
    structures[key] = structure;
  }
  const s = structures;
  const services: Record<DemoServiceKey, Service> = {
    relaisSma: service(em, s.relais38, "Sortants de maison d'arrêt", [Need.RIGHTS, Need.SOCIAL_SUPPORT, Need.EMPLOYMENT, Need.HOUSING], {
      activeFileCapacity: 25,
    }),
    relaisHsp: service(em, s.relais38, 'Hébergement des sortants de prison', [Need.HOUSING, Need.SOCIAL_SUPPORT], {
      housingPlaces: 10,
    }),
    csapa38Care: service(em, s.csapa38, 'Soins en addictologie pour sortants de prison', [Need.ADDICTION_CARE, Need.HEALTH], {
      activeFileCapacity: 60,
    }),
    csapa44Care: service(em, s.csapa44, 'Consultations sortants de prison', [Need.ADDICTION_CARE, Need.HEALTH], {
      activeFileCapacity: 40,
    }),
    csapa44ShortStay: service(em, s.csapa44, 'Accueil court et accès rapide aux soins', [Need.ADDICTION_CARE, Need.HOUSING], {
      housingPlaces: 4,
    }),
    siao38Orientation: service(em, s.siao38, 'Orientation hébergement et logement', [Need.HOUSING]),
    siao38Places: service(em, s.siao38, "Places d'hébergement d'insertion (contingent sortants)", [Need.HOUSING], {
      housingPlaces: 5,
    }),
  };

  const conventions: Convention[] = [];
  const convention = (structure: Structure, svc: Service | null, partner: Structure, quota: number, title: string) => {
    const created = new Convention(structure, partner, quota, `${year - 2}-01-01`);
    created.service = svc;
    created.title = title;
    em.persist(created);
    conventions.push(created);
  };
  convention(s.relais38, services.relaisSma, s.spip38, 135, 'Convention SPIP 38 : sortants libérables dans les 6 mois');
  convention(s.csapa38, services.csapa38Care, s.spip38, 80, 'Convention SPIP 38 : soins des sortants de prison');
  convention(s.csapa44, services.csapa44Care, s.spip49, 40, 'Convention SPIP 49 : sortants orientés vers Nantes');

  const accounts = {} as DemoDirectory['accounts'];
  for (const spec of DEMO_ACCOUNTS) {
    const account = new Account(spec.login, spec.displayName, s[spec.structure], spec.role);
    em.persist(account);
    accounts[spec.login] = account;
  }
  return { structures, services, accounts, conventions };
}
