import { registerEnumType } from 'type-graphql';

export enum StructureKind {
  SPIP = 'SPIP',
  PRISON = 'PRISON',
  CSAPA = 'CSAPA',
  SIAO = 'SIAO',
  ASSOCIATION = 'ASSOCIATION',
  EVALUATOR = 'EVALUATOR',
  PLATFORM = 'PLATFORM',
}

registerEnumType(StructureKind, {
  name: 'StructureKind',
  description: 'What kind of partner a structure is (see the access policy for what each reads).',
  valuesConfig: {
    SPIP: { description: "Service pénitentiaire d'insertion et de probation (probation service)." },
    PRISON: { description: 'A prison: maison d’arrêt, centre pénitentiaire, QPA.' },
    CSAPA: { description: 'Addiction-care centre; holds health data.' },
    SIAO: { description: 'Housing-orientation service of a département.' },
    ASSOCIATION: { description: 'Social-support association (CHRS, reentry services).' },
    EVALUATOR: { description: 'Funder or observatory (ARS, MILDECA, OFDT); sees aggregates only.' },
    PLATFORM: { description: 'The platform operator.' },
  },
});
