import type { EntityManager } from '@mikro-orm/postgresql';
import { Account } from '../accounts/account.entity';
import { loaderById, loaderByParent } from '../shared/batch';
import { Appointment } from './appointment.entity';
import { CaseNote } from './case-note.entity';
import { FollowUp } from './follow-up.entity';

export function createFollowUpLoaders(em: EntityManager) {
  return {
    accountById: loaderById(em, Account),
    followUpsByPerson: loaderByParent(em, FollowUp, 'person', { startDate: 'desc', id: 'desc' }),
    appointmentById: loaderById(em, Appointment),
    appointmentsByPerson: loaderByParent(em, Appointment, 'person', { scheduledAt: 'desc', id: 'desc' }),
    caseNoteById: loaderById(em, CaseNote),
    caseNotesByPerson: loaderByParent(em, CaseNote, 'person', { createdAt: 'desc', id: 'desc' }),
  };
}
