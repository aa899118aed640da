import { type GraphQLSchema, getNamedType, isObjectType } from 'graphql';
import { Role } from '../auth/role';
import {
  ACCESS_POLICY,
  Grant,
  MandateState,
  PERSON_DATA_ROLES,
  RECEIVING_KINDS,
  RETENTION_YEARS,
  consentCanWiden,
  roleHoldsDomain,
} from './access-policy';
import './record-kinds';
import { CARE_NEEDS, InvolvedUnder, WhenItTellsOfCare, recordDeclarations } from './records';
import { DataDomain } from './data-domain';
import { FigureDisclosure, HEALTH_FIGURE_KINDS, SMALL_COUNT, SMALL_COUNT_DISCLOSURE } from './directory-figures';
import { DATA_DOMAIN_EXTENSION } from './domain-guard';
import { PERMISSION_ROLES, Permission } from './permissions';

const GRANT_TEXT: Record<Grant, string> = {
  [Grant.ALWAYS]: 'yes',
  [Grant.WITH_CONSENT]: 'with consent',
  [Grant.OWN_WRITINGS]: 'own writings',
  [Grant.CORE_ONLY]: 'core only',
  [Grant.NEVER]: '—',
};

const ROLE_HEADER: Record<string, string> = {
  [Role.PROBATION_OFFICER]: 'PROBATION_OFFICER (SPIP)',
  [Role.CARE_WORKER]: 'CARE_WORKER (CSAPA)',
  [Role.HOUSING_COORDINATOR]: 'HOUSING_COORDINATOR (SIAO)',
  [Role.SOCIAL_WORKER]: 'SOCIAL_WORKER (association)',
};

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** The GraphQL fields of each domain, read from the schema's PersonData marks. */
function fieldsByDomain(schema: GraphQLSchema): Record<DataDomain, string[]> {
  const found = Object.fromEntries(Object.values(DataDomain).map((d) => [d, [] as string[]])) as Record<DataDomain, string[]>;
  const types = Object.values(schema.getTypeMap()).filter(isObjectType).sort((a, b) => a.name.localeCompare(b.name));
  for (const type of types) {
    for (const field of Object.values(type.getFields())) {
      const domain = field.extensions?.[DATA_DOMAIN_EXTENSION] as DataDomain | undefined;
      if (!domain) continue;
      const target = getNamedType(field.type);
      const inner = isObjectType(target) ? Object.keys(target.getFields()).sort().join(', ') : '';
      found[domain].push(`\`${type.name}.${field.name}\`${inner ? ` (${target.name}: ${inner})` : ''}`);
    }
  }
  return found;
}

/** docs/access-matrix.md, generated from ACCESS_POLICY and the schema: who sees what. */
export function renderAccessMatrix(schema: GraphQLSchema): string {
  const domains = Object.values(DataDomain);
  const out: string[] = [];
  out.push('# Access matrix');
  out.push('');
  out.push('Generated from `src/policy/access-policy.ts` and the schema by `npm run docs:emit`; `npm test` fails');
  out.push('when this file differs from what the code generates. Do not edit it by hand.');
  out.push('');
  out.push('Each cell reads `read / write`. **yes**: always; **with consent**: only while the person’s consent for');
  out.push('the domain to the structure (or to every structure holding a mandate) is given, unexpired and');
  out.push('unrevoked; **own writings**: only the domain as the structure itself last wrote it; **core only**:');
  out.push('establishment, expected release date and measure (not the care obligation); **—**: never.');
  out.push('A field the viewer may not read resolves to `null` and is absent from `Person.visibleDomains`.');
  out.push('');
  out.push('EVALUATOR, STRUCTURE_ADMIN and PLATFORM_ADMIN never read or write person data: person queries and');
  out.push('mutations answer `FORBIDDEN` for these roles, whatever the person. Without any mandate, a person is');
  out.push('invisible: `person(id)` is `null` exactly as for an unknown id, and writes are `NOT_FOUND`.');
  for (const mandate of [MandateState.FULL, MandateState.PENDING, MandateState.ENDED]) {
    out.push('');
    out.push(`## Mandate ${mandate}`);
    out.push('');
    out.push(
      {
        [MandateState.FULL]: 'The SPIP holding an open file; a structure whose referral is ACCEPTED or IN_PROGRESS; a structure with an open follow-up.',
        [MandateState.PENDING]: 'A referral to the structure is PENDING: enough to decide on it.',
        [MandateState.ENDED]: `The mandate ended (referral declined, completed or cancelled; follow-up closed; file closed or transferred) less than ${RETENTION_YEARS} years ago.`,
        [MandateState.NONE]: '',
      }[mandate],
    );
    out.push('');
    out.push(
      table(
        ['domain', ...PERSON_DATA_ROLES.map((role) => ROLE_HEADER[role])],
        domains.map((domain) => [
          domain,
          ...PERSON_DATA_ROLES.map((role) => {
            const cell = ACCESS_POLICY[domain][role][mandate];
            return `${GRANT_TEXT[cell.read]} / ${GRANT_TEXT[cell.write]}`;
          }),
        ]),
      ),
    );
  }
  out.push('');
  out.push('## Fields of each domain');
  out.push('');
  const fields = fieldsByDomain(schema);
  out.push(table(['domain', 'guarded fields'], domains.map((domain) => [domain, fields[domain].join('; ') || '—'])));
  out.push('');
  out.push('## Records that tell more than their fields');
  out.push('');
  out.push('A referral is visible to its sender and its receiver while they hold any mandate on the person. To');
  out.push('another structure with a full mandate, a referral to a CSAPA, or with the need ADDICTION_CARE or');
  out.push('HEALTH, belongs to HEALTH_SUMMARY; any other referral belongs to SOCIAL. Follow-ups (SOCIAL, or');
  out.push('HEALTH_SUMMARY at a CSAPA), placements (HOUSING, or HEALTH_SUMMARY at a CSAPA), appointments and case');
  out.push('notes (their own domain) show to the structure that holds or wrote them under any mandate, and to other');
  out.push('structures under a full mandate and the policy of their domain; a record held by a CSAPA also needs');
  out.push('HEALTH_SUMMARY. Caseload flags are raised only from domains the viewer reads. Entries of the access log');
  out.push('by a CSAPA, or about health domains, show only to viewers who read HEALTH_SUMMARY. A consent shows to');
  out.push('the structure that recorded it, to its recipient, and (when given to all) to every structure with a');
  out.push('full mandate.');
  out.push('');
  out.push('## Consent');
  out.push('');
  out.push('Recorded or revoked by a worker of a structure with a full mandate on the person. A structure records');
  out.push('consent only for a domain it holds (reads without consent), and only towards roles for which the');
  out.push('policy says "with consent"; consent never creates a mandate.');
  out.push('');
  out.push(
    table(
      ['role', 'records consent for', 'consent widens to it'],
      PERSON_DATA_ROLES.map((role) => [
        ROLE_HEADER[role],
        domains.filter((domain) => roleHoldsDomain(role, domain)).join(', '),
        domains.filter((domain) => consentCanWiden(role, domain)).join(', ') || '—',
      ]),
    ),
  );
  out.push('');
  out.push('## Directory figures');
  out.push('');
  out.push('Counts of persons in the directory (`Service.occupancy`, `available`, `activeFiles`, `hasFreePlaces`;');
  out.push('`Convention.referralsThisYear`, `activeFiles`) are exact for the structure they count for. For anyone');
  out.push(`else, a ${HEALTH_FIGURE_KINDS.join(' or ')}'s figures (its services', the conventions it receives, and the`);
  out.push('`referralsThisYear` of a convention it is the partner of) are health data and are null whatever their value;');
  out.push('other counts are shown as the table says.');
  out.push('`available` is shown exactly when `occupancy` is (the capacity is public); a withheld figure is listed in');
  out.push('`withheldFigures` with its reason.');
  out.push('');
  const FIGURE_TEXT: Record<FigureDisclosure, string> = {
    [FigureDisclosure.EXACT]: 'exact',
    [FigureDisclosure.AVAILABILITY]: 'null; `hasFreePlaces` only',
    [FigureDisclosure.HIDDEN]: 'null, `hasFreePlaces` too',
  };
  out.push(
    table(
      ['role', 'another structure’s count of 0 or more than 10', `another structure’s count of ${SMALL_COUNT.min} to ${SMALL_COUNT.max}`],
      Object.values(Role).map((role) => [role, FIGURE_TEXT[FigureDisclosure.EXACT], FIGURE_TEXT[SMALL_COUNT_DISCLOSURE[role]]]),
    ),
  );
  out.push('');
  out.push('## Records and their actors');
  out.push('');
  out.push('Every record about a person is declared once (src/policy/record-kinds.ts). A structure it involves (actor or');
  out.push('party) sees it under a full mandate; under a pending or ended mandate, as the table says. Another structure with');
  out.push('a full mandate sees it when it reads each of its domains and, if it tells of care (a CSAPA involved, the need');
  out.push(`${CARE_NEEDS.join(' or ')}, or a health domain), HEALTH_SUMMARY too; a record that must stay loses its actor instead.`);
  out.push('A lapsed record (an expired or revoked consent) is shown to its actor only.');
  out.push('');
  const UNDER: Record<InvolvedUnder, string> = {
    [InvolvedUnder.ACTOR]: 'its actor',
    [InvolvedUnder.PARTY]: 'its actor and parties',
    [InvolvedUnder.NOTHING]: 'nobody',
  };
  out.push(
    table(
      ['record', 'what it is', 'telling of care, to others', 'pending mandate shows it to', 'ended mandate shows it to'],
      recordDeclarations().map((d) => [
        d.kind,
        d.description,
        d.whenItTellsOfCare === WhenItTellsOfCare.REMOVE_ACTOR ? 'shown without its actor or note' : 'HEALTH_SUMMARY',
        UNDER[d.pending],
        UNDER[d.ended],
      ]),
    ),
  );
  out.push('');
  out.push('## Operations');
  out.push('');
  out.push(`Referrals go to ${RECEIVING_KINDS.join(', ')} structures. Operations a role may never perform answer \`FORBIDDEN\`.`);
  out.push('');
  out.push(
    table(
      ['operation', 'roles'],
      Object.values(Permission).map((permission) => [`\`${permission}\``, PERMISSION_ROLES[permission].join(', ')]),
    ),
  );
  out.push('');
  return out.join('\n');
}
