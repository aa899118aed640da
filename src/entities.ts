import { Account } from './accounts/account.entity';
import { ExternalIdentity } from './accounts/external-identity.entity';
import { Action } from './actions/action.entity';
import { ActionParticipation } from './actions/participation.entity';
import { OutcomeFact, OutcomeFactStale } from './outcomes/outcome-fact.entity';
import { OutcomePublication, OutcomePublishedCell } from './outcomes/outcome-publication.entity';
import { AuditEntry } from './audit/audit-entry.entity';
import { AuditRead } from './audit/audit-read.entity';
import { AccessLogEntry } from './audit/access-log-entry.entity';
import { MachineClient } from './clients/machine-client.entity';
import { WebhookDelivery } from './exchange/webhook-delivery.entity';
import { WebhookSubscription } from './exchange/webhook-subscription.entity';
import { Consent } from './consents/consent.entity';
import { Appointment } from './support/appointment.entity';
import { CaseNote } from './support/case-note.entity';
import { FollowUp } from './support/follow-up.entity';
import { Evaluation } from './evaluations/evaluation.entity';
import { IndicatorPart } from './evaluations/indicator-part.entity';
import { Indicator } from './evaluations/indicator.entity';
import { PersonHealthRecord } from './health/health-record.entity';
import { PersonHealthSummary } from './health/health-summary.entity';
import { PersonHousing } from './housing/person-housing.entity';
import { PersonIdentity } from './persons/person-identity.entity';
import { PersonJudicialDetail } from './persons/person-judicial-detail.entity';
import { PersonJudicial } from './persons/person-judicial.entity';
import { PersonSocial } from './persons/person-social.entity';
import { Person } from './persons/person.entity';
import { PersonTransfer } from './persons/person-transfer.entity';
import { RateLimitCounter } from './server/rate-limit-counter.entity';
import { TimelineEntry } from './persons/timeline-entry.entity';
import { RightStep } from './persons/right-step.entity';
import { Referral } from './support/referral.entity';
import { Placement } from './housing/placement.entity';
import { OutboxEvent } from './outbox/outbox-event.entity';
import { RightStepChange } from './persons/right-step-change.entity';
import { Convention } from './support/convention.entity';
import { Mandate } from './policy/mandate.entity';
import { Service } from './structures/service.entity';
import { Structure } from './structures/structure.entity';

/** Every stored entity, listed once for MikroORM discovery. */
export const ENTITIES = [
  Structure,
  Service,
  Convention,
  Account,
  ExternalIdentity,
  Person,
  PersonTransfer,
  RateLimitCounter,
  TimelineEntry,
  PersonIdentity,
  PersonJudicial,
  PersonJudicialDetail,
  PersonSocial,
  RightStep,
  RightStepChange,
  PersonHousing,
  Placement,
  PersonHealthSummary,
  PersonHealthRecord,
  Referral,
  FollowUp,
  Mandate,
  Appointment,
  CaseNote,
  Consent,
  Action,
  ActionParticipation,
  Evaluation,
  Indicator,
  IndicatorPart,
  AuditEntry,
  AuditRead,
  AccessLogEntry,
  MachineClient,
  WebhookSubscription,
  WebhookDelivery,
  OutboxEvent,
  OutcomeFact,
  OutcomeFactStale,
  OutcomePublication,
  OutcomePublishedCell,
];
