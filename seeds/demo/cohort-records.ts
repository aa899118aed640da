import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import type { Action } from '../../src/actions/action.entity';
import { pseudonymFromKey } from '../../src/persons/pseudonym';
import type { CohortPersonPlan, CohortSpip } from './cohorts';
import type { DemoDirectory } from './directory';
import { RECEIVER_WORKER, type Receiver } from './people';
import type { DemoClock } from './random';

type Row = Record<string, unknown>;

const SPIP_OFFICER: Record<CohortSpip, keyof DemoDirectory['accounts']> = { spip38: 'cpip.grenoble', spip49: 'cpip.angers' };

/**
 * Writes the past cohorts set-based: one INSERT per table, its rows passed as one JSON
 * parameter, on the seeder's connection and in its transaction. The outcome-fact triggers
 * mark every inserted person stale, as for any other write.
 */
export async function insertPastCohorts(
  em: EntityManager,
  directory: DemoDirectory,
  clock: DemoClock,
  program: Action,
  plans: readonly CohortPersonPlan[],
): Promise<void> {
  const { structures, services, accounts } = directory;
  const structureId = (key: Receiver | CohortSpip) => structures[key].id;
  const accountId = (key: Receiver | CohortSpip) =>
    accounts[(key === 'spip38' || key === 'spip49' ? SPIP_OFFICER[key] : RECEIVER_WORKER[key].login) as keyof DemoDirectory['accounts']].id;
  const date = (offset: number) => clock.day(offset);
  const at = (offset: number, hour: number) => clock.at(offset, hour).toISOString();

  const rows: Record<string, Row[]> = {
    person: [],
    person_identity: [],
    person_judicial: [],
    person_judicial_detail: [],
    person_social: [],
    person_housing: [],
    person_health_summary: [],
    person_health_record: [],
    referral: [],
    follow_up: [],
    right_step: [],
    right_step_change: [],
    placement: [],
    action_participation: [],
  };
  for (const plan of plans) {
    const personId = randomUUID();
    const spipId = structureId(plan.spip);
    const registered = at(plan.registeredDay, 10);
    rows.person.push({
      id: personId,
      pseudonym: pseudonymFromKey(plan.key),
      spip_id: spipId,
      registered_by_id: spipId,
      file_status: 'CLOSED',
      file_closed_at: at(plan.fileClosedDay, 17),
      last_contact_at: at(plan.lastContactDay, 16),
      created_at: registered,
      updated_at: at(plan.fileClosedDay, 17),
    });
    const spipRow = { person_id: personId, written_by_id: spipId, updated_at: registered };
    rows.person_identity.push({ ...spipRow, first_name: plan.firstName, last_name: plan.lastName, birth_date: date(plan.birthDay), sex: plan.sex });
    rows.person_judicial.push({
      ...spipRow,
      establishment_id: structures[plan.prison].id,
      expected_release_date: date(plan.expectedReleaseDay),
      released_on: date(plan.releaseDay),
      measure: plan.measure,
      care_obligation: plan.careObligation,
      updated_at: at(plan.releaseDay, 11),
    });
    rows.person_judicial_detail.push({
      ...spipRow,
      offence: plan.offence,
      sentence_end_date: date(plan.sentenceEndDay),
      prison_number: plan.prisonNumber,
    });
    rows.person_social.push({
      person_id: personId,
      resources: plan.resources,
      employment: plan.employment,
      employment_status: plan.employmentStatus,
      written_by_id: structureId(plan.socialBy),
      updated_at: at(plan.lastContactDay, 15),
    });
    rows.person_housing.push({
      person_id: personId,
      status: plan.housingStatus,
      shelter_requested_at: plan.shelterRequestedDay === null ? null : date(plan.shelterRequestedDay),
      written_by_id: structureId(plan.housingBy),
      updated_at: at(plan.lastContactDay, 15),
    });
    if (plan.health) {
      const carer = { person_id: personId, written_by_id: structureId(plan.health.by), updated_at: at(plan.lastContactDay, 14) };
      rows.person_health_summary.push({ ...carer, in_care: plan.health.inCare, care_structure_id: structureId(plan.health.by), since: date(plan.health.sinceDay) });
      rows.person_health_record.push({
        ...carer,
        substances: plan.health.substances,
        treatment: plan.health.treatment,
        notes: plan.health.inCare ? 'Suivi clos ; soins poursuivis en médecine de ville.' : 'Suivi clos ; pas de soins en cours à la sortie du dispositif.',
      });
    }
    for (const followUp of plan.followUps) {
      const referralId = randomUUID();
      const service = services[followUp.service];
      const convention = directory.conventions.find(
        (c) =>
          c.structure === structures[followUp.to] &&
          c.partner === structures[plan.spip] &&
          (!c.service || c.service === service) &&
          c.validFrom <= date(followUp.referredDay),
      );
      rows.referral.push({
        id: referralId,
        person_id: personId,
        from_structure_id: spipId,
        to_structure_id: structureId(followUp.to),
        service_id: service.id,
        convention_id: convention?.id ?? null,
        needs: followUp.needs,
        motive: followUp.motive,
        status: 'COMPLETED',
        created_by_id: accountId(plan.spip),
        decided_at: at(followUp.startDay, 14),
        decided_by_id: accountId(followUp.to),
        closed_at: at(followUp.endDay, 16),
        created_at: at(followUp.referredDay, 9),
        updated_at: at(followUp.endDay, 16),
      });
      rows.follow_up.push({
        person_id: personId,
        structure_id: structureId(followUp.to),
        service_id: service.id,
        referral_id: referralId,
        worker_id: accountId(followUp.to),
        start_date: date(followUp.startDay),
        end_date: date(followUp.endDay),
        closing_reason: followUp.closingReason,
        created_at: at(followUp.startDay, 14),
        updated_at: at(followUp.endDay, 16),
      });
    }
    for (const right of plan.rights) {
      const stepId = randomUUID();
      const when = at(right.day, 11);
      rows.right_step.push({
        id: stepId,
        person_id: personId,
        kind: right.kind,
        status: right.status,
        updated_by_structure_id: structureId(right.by),
        created_at: when,
        updated_at: when,
      });
      rows.right_step_change.push({
        right_step_id: stepId,
        person_id: personId,
        kind: right.kind,
        to_status: right.status,
        account_id: accountId(right.by),
        structure_id: structureId(right.by),
        created_at: when,
        updated_at: when,
      });
    }
    if (plan.placement) {
      const service = services[plan.placement.service];
      const runner: Receiver = plan.placement.service === 'relaisHsp' ? 'relais38' : plan.placement.service === 'siao38Places' ? 'siao38' : 'csapa44';
      rows.placement.push({
        person_id: personId,
        service_id: service.id,
        structure_id: structureId(runner),
        placed_by_id: accountId(runner),
        start_date: date(plan.placement.startDay),
        end_date: date(plan.placement.endDay),
        end_reason: plan.placement.endReason,
        created_at: at(plan.placement.startDay, 9),
        updated_at: at(plan.placement.endDay, 12),
      });
    }
    if (plan.participation) {
      const p = plan.participation;
      rows.action_participation.push({
        action_id: program.id,
        person_id: personId,
        structure_id: structureId('relais38'),
        enrolled_by_id: accountId('relais38'),
        enrolled_on: date(p.enrolledDay),
        ended_on: date(p.endedDay),
        sessions_attended: p.sessions,
        group_sessions: p.groupSessions,
        co_interventions: p.coInterventions,
        created_at: at(p.enrolledDay, 10),
        updated_at: at(p.endedDay, 10),
      });
    }
  }
  for (const [table, tableRows] of Object.entries(rows)) await insertRows(em, table, tableRows);
}

/** Column types of the rows written here, as jsonb_to_recordset needs them. */
const COLUMN_TYPES: Record<string, string> = {
  id: 'uuid',
  created_at: 'timestamptz',
  updated_at: 'timestamptz',
  decided_at: 'timestamptz',
  closed_at: 'timestamptz',
  file_closed_at: 'timestamptz',
  last_contact_at: 'timestamptz',
  birth_date: 'date',
  expected_release_date: 'date',
  released_on: 'date',
  sentence_end_date: 'date',
  shelter_requested_at: 'date',
  since: 'date',
  start_date: 'date',
  end_date: 'date',
  enrolled_on: 'date',
  ended_on: 'date',
  care_obligation: 'boolean',
  in_care: 'boolean',
  sessions_attended: 'int',
  group_sessions: 'int',
  co_interventions: 'int',
  needs: 'text[]',
  substances: 'text[]',
};

function columnType(column: string): string {
  return COLUMN_TYPES[column] ?? (column.endsWith('_id') ? 'uuid' : 'text');
}

/** One INSERT for all the rows of a table (they share their columns). */
async function insertRows(em: EntityManager, table: string, rows: readonly Row[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]);
  const names = columns.map((column) => `"${column}"`).join(', ');
  const record = columns.map((column) => `"${column}" ${columnType(column)}`).join(', ');
  await em
    .getConnection()
    .execute(
      `insert into "${table}" (${names}) select ${names} from jsonb_to_recordset(?::jsonb) as r(${record})`,
      [JSON.stringify(rows)],
      'run',
      em.getTransactionContext(),
    );
}
