/**
 * The sections of the subject-access PDF (subject-access.pdf.ts) that show the person's data:
 * a section per data domain, then the person's records (file and transfers, referrals,
 * follow-ups, appointments, placements, case notes, consents, participations, timeline).
 */

import type { DataDomain } from './generated/subject-access';
import {
  APPOINTMENT_KINDS,
  APPOINTMENT_STATUSES,
  DOMAIN_TITLES,
  EMPLOYMENT_STATUSES,
  FILE_STATUSES,
  HOUSING_STATUSES,
  MEASURES,
  NEEDS,
  REFERRAL_STATUSES,
  RIGHT_KINDS,
  RIGHT_STATUSES,
  TIMELINE_KINDS,
  TRANSFER_STATUSES,
  sexLabel,
} from './subject-access.labels';
import { CONTENT_WIDTH, PdfLayout, day, dayAndTime, dayOf, structureName, yesNo } from './subject-access.pdf-layout';
import type { SubjectAccessPerson } from './subject-access.type';

export const HIDDEN_TEXT = 'Non communiqué par cette structure.';
const EMPTY_TEXT = 'Aucune information enregistrée.';

/** The section titles, fixed: tests and readers find them in every export. */
export const SECTION_TITLES = {
  referrals: 'Orientations',
  followUps: 'Accompagnements',
  appointments: 'Rendez-vous',
  placements: 'Hébergements',
  caseNotes: 'Notes de suivi',
  file: 'Dossier au SPIP et transferts',
  timeline: 'Historique du dossier',
  consents: 'Consentements au partage de vos données',
  participations: 'Participations à des actions',
  accesses: 'Qui a consulté votre dossier',
  rights: 'Vos droits',
} as const;

/** The person's data, section by section, as the asking structure sees it. */
export class PersonSections extends PdfLayout {
  protected readonly person: SubjectAccessPerson;
  protected readonly visible: Set<string>;

  constructor(doc: PDFKit.PDFDocument, person: SubjectAccessPerson) {
    super(doc);
    this.person = person;
    this.visible = new Set(person.visibleDomains);
  }

  protected domainSection(domain: DataDomain): void {
    this.heading(DOMAIN_TITLES[domain]);
    if (!this.visible.has(domain)) {
      this.note(HIDDEN_TEXT);
      return;
    }
    const p = this.person;
    switch (domain) {
      case 'IDENTITY':
        if (!p.identity) return this.note(EMPTY_TEXT);
        this.field('Nom', p.identity.lastName);
        this.field('Prénom', p.identity.firstName);
        this.field('Date de naissance', p.identity.birthDate ? day(p.identity.birthDate) : null);
        this.field('Sexe', p.identity.sex ? sexLabel(p.identity.sex) : null);
        this.field('Téléphone', p.identity.phone);
        this.field('Courriel', p.identity.email);
        return;
      case 'JUDICIAL':
        if (!p.judicial) return this.note(EMPTY_TEXT);
        this.field('Établissement', p.judicial.establishment?.name);
        this.field('Date de sortie prévue', p.judicial.expectedReleaseDate ? day(p.judicial.expectedReleaseDate) : null);
        this.field('Date de sortie', p.judicial.releasedOn ? day(p.judicial.releasedOn) : null);
        this.field('Mesure', p.judicial.measure ? MEASURES[p.judicial.measure] : null);
        this.field('Obligation de soins', yesNo(p.judicial.careObligation));
        return;
      case 'JUDICIAL_DETAIL': {
        const detail = p.judicial?.detail;
        if (!detail) return this.note(EMPTY_TEXT);
        this.field('Infraction', detail.offence);
        this.field('Fin de peine', detail.sentenceEndDate ? day(detail.sentenceEndDate) : null);
        this.field("Numéro d'écrou", detail.prisonNumber);
        return;
      }
      case 'SOCIAL':
        if (!p.social) return this.note(EMPTY_TEXT);
        this.field('Ressources', p.social.resources);
        this.field('Emploi', p.social.employment);
        this.field("Situation d'emploi", p.social.employmentStatus ? EMPLOYMENT_STATUSES[p.social.employmentStatus] : null);
        this.subheading("Démarches d'accès aux droits");
        if (p.social.rights.length === 0) return this.note('Aucune démarche enregistrée.');
        for (const right of p.social.rights) {
          this.entry(`${RIGHT_KINDS[right.kind]} : ${RIGHT_STATUSES[right.status]}`, [
            ['Mise à jour le', dayOf(right.updatedAt)],
            ['Note', right.note],
            [
              'Historique',
              right.history
                .map(
                  (change) =>
                    `${dayOf(change.at)} : ${change.fromStatus ? `${RIGHT_STATUSES[change.fromStatus]} → ` : ''}${RIGHT_STATUSES[change.toStatus]}` +
                    `${change.structure ? ` (${change.structure.name})` : ''}${change.note ? ` : ${change.note}` : ''}`,
                )
                .join('\n'),
            ],
          ]);
        }
        return;
      case 'HOUSING':
        if (!p.housing) return this.note(EMPTY_TEXT);
        this.field('Situation', HOUSING_STATUSES[p.housing.status]);
        this.field("Demande d'hébergement le", p.housing.shelterRequestedAt ? day(p.housing.shelterRequestedAt) : null);
        this.field('Hébergé(e) par', p.housing.placement ? `${p.housing.placement.name} (${p.housing.placement.structure.name})` : null);
        return;
      case 'HEALTH_SUMMARY':
        if (!p.healthSummary) return this.note(EMPTY_TEXT);
        this.field('Suivi de soins en cours', yesNo(p.healthSummary.inCare));
        this.field('Structure de soins', structureName(p.healthSummary.careStructure));
        this.field('Depuis le', p.healthSummary.since ? day(p.healthSummary.since) : null);
        return;
      case 'HEALTH':
        if (!p.health) return this.note(EMPTY_TEXT);
        this.field('Produits consommés', p.health.substances.length > 0 ? p.health.substances.join(', ') : null);
        this.field('Traitement', p.health.treatment);
        this.field('Notes de soins', p.health.notes);
        return;
    }
  }

  protected file(): void {
    const { file, transfers } = this.person;
    this.heading(SECTION_TITLES.file);
    if (!file && transfers.length === 0) return this.note(this.visible.has('JUDICIAL') ? EMPTY_TEXT : HIDDEN_TEXT);
    if (file) {
      this.field('Suivi par', file.holder.name);
      this.field('Dossier', FILE_STATUSES[file.status] + (file.closedAt ? ` le ${dayOf(file.closedAt)}` : ''));
      if (file.status === 'CLOSED') this.field('Motif de clôture', file.closedReason);
    }
    for (const transfer of transfers) {
      this.entry(`${dayOf(transfer.requestedAt)} : de ${transfer.fromSpip.name} vers ${transfer.toSpip.name}`, [
        ['Statut', TRANSFER_STATUSES[transfer.status] + (transfer.decidedAt ? ` (décision le ${dayOf(transfer.decidedAt)})` : '')],
        ['Motif', transfer.reason],
        ['Motif du refus', transfer.refusalReason],
      ]);
    }
  }

  protected timeline(): void {
    const entries = this.person.timeline.edges.map((edge) => edge.node);
    this.heading(SECTION_TITLES.timeline);
    this.note('Les événements les plus récents de votre dossier que cette structure peut connaître (au plus cent), du plus récent au plus ancien.');
    if (entries.length === 0) return this.note('Aucun événement que cette structure peut connaître.');
    this.table(
      ['Date', 'Événement', 'Structure'],
      [95, 220, CONTENT_WIDTH - 315],
      entries.map((entry) => [dayAndTime(entry.at), TIMELINE_KINDS[entry.kind], entry.structure?.name ?? '']),
    );
  }

  protected referrals(): void {
    this.heading(SECTION_TITLES.referrals);
    if (this.person.referrals.length === 0) return this.note('Aucune orientation que cette structure peut consulter.');
    for (const referral of this.person.referrals) {
      this.entry(`${dayOf(referral.createdAt)} : de ${referral.fromStructure.name} vers ${referral.toStructure.name}`, [
        ['Service', referral.service?.name],
        ['Besoins', referral.needs.map((need) => NEEDS[need]).join(', ')],
        ['Statut', `${REFERRAL_STATUSES[referral.status]}${referral.decidedAt ? ` (décision le ${dayOf(referral.decidedAt)})` : ''}`],
        ['Motif', referral.motive],
        ['Motif du refus', referral.declineReason],
        ["Motif de l'annulation", referral.cancelReason],
        ['Close le', referral.closedAt ? dayOf(referral.closedAt) : undefined],
      ]);
    }
  }

  protected followUps(): void {
    this.heading(SECTION_TITLES.followUps);
    if (this.person.followUps.length === 0) return this.note('Aucun accompagnement que cette structure peut consulter.');
    for (const followUp of this.person.followUps) {
      const period = followUp.endDate ? `du ${day(followUp.startDate)} au ${day(followUp.endDate)}` : `depuis le ${day(followUp.startDate)} (en cours)`;
      this.entry(`${followUp.structure.name}, ${period}`, [
        ['Service', followUp.service?.name],
        ['Motif de fin', followUp.closingReason],
      ]);
    }
  }

  protected appointments(): void {
    this.heading(SECTION_TITLES.appointments);
    if (this.person.appointments.length === 0) return this.note('Aucun rendez-vous que cette structure peut consulter.');
    this.table(
      ['Date', 'Nature', 'Structure', 'Lieu', 'Suite'],
      [70, 90, 120, 105, CONTENT_WIDTH - 385],
      this.person.appointments.map((appointment) => [
        dayAndTime(appointment.scheduledAt),
        APPOINTMENT_KINDS[appointment.kind],
        appointment.structure.name,
        appointment.place ?? '',
        APPOINTMENT_STATUSES[appointment.status] + (appointment.heldAt && appointment.status === 'HELD' ? ` le ${dayOf(appointment.heldAt)}` : ''),
      ]),
    );
  }

  protected placements(): void {
    this.heading(SECTION_TITLES.placements);
    if (this.person.placements.length === 0) return this.note('Aucun hébergement que cette structure peut consulter.');
    for (const placement of this.person.placements) {
      const period = placement.endDate ? `du ${day(placement.startDate)} au ${day(placement.endDate)}` : `depuis le ${day(placement.startDate)}`;
      this.entry(`${placement.service.name} (${placement.structure.name}), ${period}`, [['Motif de fin', placement.endReason]]);
    }
  }

  protected caseNotes(): void {
    this.heading(SECTION_TITLES.caseNotes);
    if (this.person.caseNotes.length === 0) return this.note('Aucune note que cette structure peut consulter.');
    for (const note of this.person.caseNotes) {
      const edited = note.updatedAt !== note.createdAt && dayOf(note.updatedAt) !== dayOf(note.createdAt) ? `, modifiée le ${dayOf(note.updatedAt)}` : '';
      const corrects = note.corrects ? `, corrige la note du ${dayOf(note.corrects.createdAt)}` : '';
      this.subheading(`Note du ${dayAndTime(note.createdAt)} : ${note.authorStructure.name}`);
      this.note(`Rubrique : ${DOMAIN_TITLES[note.domain]}${edited}${corrects}`);
      this.paragraph(note.text);
    }
  }

  protected consents(): void {
    this.heading(SECTION_TITLES.consents);
    if (this.person.consents.length === 0) return this.note('Aucun consentement que cette structure peut consulter.');
    this.table(
      ['Rubrique', 'Partagée avec', 'Recueilli par', 'Donné le', 'État'],
      [105, 110, 110, 60, CONTENT_WIDTH - 385],
      this.person.consents.map((consent) => [
        DOMAIN_TITLES[consent.domain],
        consent.recipient ? consent.recipient.name : 'Toute structure qui vous accompagne',
        consent.recordedBy.name,
        dayOf(consent.givenAt),
        consent.revokedAt
          ? `Retiré le ${dayOf(consent.revokedAt)}`
          : consent.inForce
            ? consent.expiresAt
              ? `En vigueur jusqu'au ${dayOf(consent.expiresAt)}`
              : 'En vigueur'
            : `Expiré le ${dayOf(consent.expiresAt)}`,
      ]),
    );
  }

  protected participations(): void {
    this.heading(SECTION_TITLES.participations);
    if (this.person.participations.length === 0) return this.note('Aucune participation que cette structure peut consulter.');
    for (const participation of this.person.participations) {
      const period = participation.endedOn ? `du ${day(participation.enrolledOn)} au ${day(participation.endedOn)}` : `depuis le ${day(participation.enrolledOn)}`;
      this.entry(`${participation.action.title}, ${period}`, [
        ['Structure', participation.structure.name],
        ['Séances suivies', String(participation.sessionsAttended)],
        ['Séances collectives', String(participation.groupSessions)],
        ['Co-interventions', String(participation.coInterventions)],
      ]);
    }
  }
}
