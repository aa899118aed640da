import { LockMode } from '@mikro-orm/core';
import { Account } from '../accounts/account.entity';
import { auditWrite } from '../audit/audit.service';
import { followUpService } from '../support/follow-up.service';
import { OutboxEventType } from '../outbox/outbox-event.entity';
import { recordEvent } from '../outbox/outbox';
import { PersonHousing } from './person-housing.entity';
import { Person } from '../persons/person.entity';
import { HousingStatus, RightKind, RightStatus } from '../persons/person.enums';
import { rightsService } from '../persons/rights.service';
import { registerDomainRow } from '../persons/person-registration';
import { assertDateWithin, offsetDays, personService, today } from '../persons/person.service';
import type { PersonView } from '../persons/person.type';
import { HousingSituationView } from './housing-situation.type';
import { Decision, recordDomain } from '../policy/access-policy';
import { assertAllowed } from '../policy/authz';
import { DataDomain } from '../policy/data-domain';
import { type Figure, FigureDisclosure, figureFor, leastDisclosed, shownCount } from '../policy/directory-figures';
import { Permission } from '../policy/permissions';
import { Need } from '../shared/need';
import { PLACEMENT_RECORD } from '../policy/record-kinds';
import { referralService } from '../support/referral.service';
import { ReferralView } from '../support/referral.type';
import type { RequestContext } from '../context/request-context';
import { BadUserInputError, ConflictError, ForbiddenError } from '../shared/errors';
import { parseId } from '../shared/ids';
import { assertVersion } from '../context/transaction';
import { writeForPerson, writeRecord } from '../policy/person-write';
import { Service } from '../structures/service.entity';
import { StructureKind } from '../shared/structure-kind';
import { Structure } from '../structures/structure.entity';
import { structureLoaders } from '../structures/structure.loaders';
import { structureService } from '../structures/structure.service';
import { DirectoryFigure, ServiceView, WithheldFigureView } from '../structures/structure.type';
import type { EndPlacementArgs, PlacePersonArgs, RequestShelterInput, UpdateHousingSituationInput } from './housing.inputs';
import { housingLoaders } from './housing.loaders';
import { Placement } from './placement.entity';
import { PlacementView } from './placement.type';

const DAY_MS = 86_400_000;

function day(offset = 0): string {
  return new Date(Date.now() + offset * DAY_MS).toISOString().slice(0, 10);
}

/** A placement tells of care when the service is a CSAPA's; otherwise it is housing data (the record rule). */
function placementDomain(kind: StructureKind): DataDomain {
  return recordDomain(kind, [], DataDomain.HOUSING);
}

// Every registered person has a housing situation, written by the registering SPIP.
registerDomainRow((person) => new PersonHousing(person));

/** Housing: shelter requests to the SIAO, placements in services with housing places, occupancy. */
export class HousingService {
  /** The person's housing situation (HOUSING data: the domain guard decides who reads it). */
  async situationOf(ctx: RequestContext, personId: string): Promise<HousingSituationView | null> {
    const row = await housingLoaders(ctx).situationByPerson.load(personId);
    return row ? HousingSituationView.from(row) : null;
  }

  /** Sets the housing situation: a structure with a full mandate that may write HOUSING. */
  updateSituation(ctx: RequestContext, personId: string, input: UpdateHousingSituationInput, expectedVersion?: number | null): Promise<PersonView> {
    assertDateWithin(input.shelterRequestedAt, 'shelterRequestedAt', offsetDays(-365 * 5), today(), 'today or earlier');
    return personService.writeDomain(ctx, personId, DataDomain.HOUSING, PersonHousing, expectedVersion, 'updateHousingSituation', async (row) => {
      row.status = input.status;
      row.shelterRequestedAt = input.shelterRequestedAt ?? null;
    });
  }

  /** Placements of a visible person the viewer may see, latest first (batched). */
  async ofPerson(ctx: RequestContext, personId: string): Promise<PlacementView[]> {
    const shown = (await ctx.access.visibleRecords(PLACEMENT_RECORD, personId)).map(({ row }) => ctx.em.map(Placement, row));
    return shown.map(PlacementView.from);
  }

  /** The service housing the person now, when the viewer may see that placement. */
  async placementOf(ctx: RequestContext, housing: HousingSituationView): Promise<ServiceView | null> {
    const current = (await ctx.access.visibleRecords(PLACEMENT_RECORD, housing.personId)).find(({ row }) => row.end_date === null);
    if (!current) return null;
    const service = await structureLoaders(ctx).serviceById.load(current.row.service_id as string);
    return service ? ServiceView.from(service) : null;
  }

  /** Places taken now in a service with housing places, with what the figure rule lets the viewer know; null without places. */
  async occupancyFigure(ctx: RequestContext, service: ServiceView): Promise<Figure | null> {
    assertAllowed(ctx.viewer, Permission.DIRECTORY_READ);
    if (service.housingPlaces === null) return null;
    const [subject, count] = await Promise.all([
      structureService.figureSubject(ctx, service.structureId),
      housingLoaders(ctx).occupancyByService.load(service.id),
    ]);
    return figureFor(ctx.viewer, subject, count);
  }

  /** Housing places taken now, exact only where the figure rule allows. */
  async occupancy(ctx: RequestContext, service: ServiceView): Promise<number | null> {
    const figure = await this.occupancyFigure(ctx, service);
    return figure && shownCount(figure);
  }

  /** Housing places free now: the capacity is public, so this is shown exactly when occupancy is. */
  async available(ctx: RequestContext, service: ServiceView): Promise<number | null> {
    const figure = await this.occupancyFigure(ctx, service);
    const taken = figure && shownCount(figure);
    return taken === null || service.housingPlaces === null ? null : Math.max(0, service.housingPlaces - taken);
  }

  /** The counts a service's availability depends on: its housing places taken, its active file when capped. */
  private async capacityFigures(ctx: RequestContext, service: ServiceView): Promise<{ figure: Figure; capacity: number }[]> {
    const [occupancy, activeFiles] = await Promise.all([
      this.occupancyFigure(ctx, service),
      service.activeFileCapacity === null ? null : followUpService.activeFilesFigure(ctx, { structureId: service.structureId, serviceId: service.id }),
    ]);
    const figures: { figure: Figure; capacity: number }[] = [];
    if (occupancy && service.housingPlaces !== null) figures.push({ figure: occupancy, capacity: service.housingPlaces });
    if (activeFiles && service.activeFileCapacity !== null) figures.push({ figure: activeFiles, capacity: service.activeFileCapacity });
    return figures;
  }

  /**
   * Whether the service can take one more person (a housing place free, room in a capped
   * active file): shown where the figure rule shows the counts or their availability.
   */
  async hasFreePlaces(ctx: RequestContext, service: ServiceView): Promise<boolean | null> {
    const figures = await this.capacityFigures(ctx, service);
    if (figures.length === 0) return null;
    if (leastDisclosed(figures.map(({ figure }) => figure.decision)).disclosure === FigureDisclosure.HIDDEN) return null;
    return figures.every(({ figure, capacity }) => figure.count < capacity);
  }

  /** The figures of a service the viewer may not know, and why (the figure rule). */
  async withheldFigures(ctx: RequestContext, service: ServiceView): Promise<WithheldFigureView[]> {
    const [occupancy, activeFiles, capacity] = await Promise.all([
      this.occupancyFigure(ctx, service),
      followUpService.activeFilesFigure(ctx, { structureId: service.structureId, serviceId: service.id }),
      this.capacityFigures(ctx, service),
    ]);
    const unlessExact = (figure: Figure | null) =>
      figure && figure.decision.disclosure !== FigureDisclosure.EXACT ? figure.decision.reason : null;
    const availability = capacity.length === 0 ? null : leastDisclosed(capacity.map(({ figure }) => figure.decision));
    return WithheldFigureView.listOf([
      [DirectoryFigure.OCCUPANCY, unlessExact(occupancy)],
      [DirectoryFigure.AVAILABLE, unlessExact(occupancy)],
      [DirectoryFigure.HAS_FREE_PLACES, availability?.disclosure === FigureDisclosure.HIDDEN ? availability.reason : null],
      [DirectoryFigure.ACTIVE_FILES, unlessExact(activeFiles)],
    ]);
  }

  /**
   * A partner following the person asks the SIAO for shelter: a referral to the SIAO for
   * HOUSING (which gives the SIAO its mandate), the request date in HOUSING, and the
   * SHELTER_REQUEST right step submitted when the partner writes SOCIAL.
   */
  async requestShelter(ctx: RequestContext, input: RequestShelterInput): Promise<ReferralView> {
    assertAllowed(ctx.viewer, Permission.SHELTER_REQUEST);
    const personId = parseId(input.personId, 'personId');
    await ctx.access.assertCanWriteUnderFullMandate(personId, DataDomain.HOUSING, 'Asking the SIAO for shelter');
    const writesSocial = (await ctx.access.decision(personId, DataDomain.SOCIAL, 'write')) === Decision.ALLOW;
    const siao = await this.siaoFor(ctx, input.siaoId ?? null);
    // A replay answers only after the checks of a first call, for the same person and SIAO.
    const first = input.idempotencyKey ? await referralService.replay(ctx, input.idempotencyKey, personId, siao.id) : null;
    if (first) return first;
    const rule = { what: 'Asking the SIAO for shelter', domain: DataDomain.HOUSING };
    const referral = await writeForPerson(ctx, personId, rule, async (em) => {
      const person = await em.findOneOrFail(Person, personId);
      const service = await em.findOne(Service, { structure: siao, receivesReferrals: true, needs: { $contains: [Need.HOUSING] } }, { orderBy: { name: 'asc' } });
      const created = await referralService.createIn(ctx, {
        person,
        to: siao,
        service,
        needs: [Need.HOUSING],
        motive: input.motive,
        idempotencyKey: input.idempotencyKey,
      });
      const housing = (await em.findOne(PersonHousing, { person })) ?? em.create(PersonHousing, { person });
      housing.shelterRequestedAt = day();
      housing.writtenBy = em.getReference(Structure, ctx.viewer.structureId);
      auditWrite(ctx, { personId, domains: [DataDomain.HOUSING], action: 'requestShelter', ids: { referralId: created.id } });
      if (writesSocial) {
        await rightsService.setStatus(ctx, personId, RightKind.SHELTER_REQUEST, RightStatus.SUBMITTED, `Demande au ${siao.name}`, undefined, 'requestShelter');
      }
      return created;
    });
    return ReferralView.from(referral);
  }

  /**
   * The structure running a service with housing places places the person in it. The
   * service row is locked while places are counted: of two requests for the last place,
   * one wins and the other is a CONFLICT naming the service and its capacity.
   */
  async place(ctx: RequestContext, args: PlacePersonArgs): Promise<PlacementView> {
    assertAllowed(ctx.viewer, Permission.PLACEMENT_MANAGE);
    const personId = parseId(args.personId, 'personId');
    const serviceId = parseId(args.serviceId, 'serviceId');
    const service = await ctx.em.findOne(Service, serviceId, { populate: ['structure'] });
    if (!service) throw new BadUserInputError('serviceId is not a service of the directory', 'serviceId');
    if (service.structure.id !== ctx.viewer.structureId) throw new ForbiddenError('Only the structure running a service places persons in it');
    if (!service.housingPlaces) throw new BadUserInputError(`${service.name} has no housing places`, 'serviceId');
    await ctx.access.assertCanWriteUnderFullMandate(personId, DataDomain.HOUSING, 'Placing a person');
    const startDate = args.startDate ?? day();
    if (startDate < day(-365) || startDate > day(30)) {
      throw new BadUserInputError('startDate must be within the past year and the next 30 days', 'startDate');
    }
    const placement = await writeForPerson(ctx, personId, { what: 'Placing a person', domain: DataDomain.HOUSING }, async (em) => {
      const locked = await em.findOneOrFail(Service, serviceId, { lockMode: LockMode.PESSIMISTIC_WRITE });
      const taken = await em.count(Placement, { service: locked, endDate: null });
      const capacity = locked.housingPlaces ?? 0;
      if (taken >= capacity) {
        throw new ConflictError(`${locked.name} is full: all ${capacity} housing places are taken`, {
          serviceId: locked.id,
          capacity,
        });
      }
      const current = await em.findOne(Placement, { person: personId, endDate: null }, { populate: ['service'] });
      if (current) {
        // Say only what the viewer may know: the service is named only to whom sees the placement.
        const named = (await ctx.records.get(PLACEMENT_RECORD, Placement, current.id)) !== null;
        throw new ConflictError(
          named
            ? `The person is placed already (${current.service.name}); end that placement first`
            : 'The person cannot be placed in this service now',
        );
      }
      const created = new Placement(em.getReference(Person, personId), locked, em.getReference(Account, ctx.viewer.accountId), startDate);
      created.structure = service.structure;
      em.persist(created);
      await this.setHousing(ctx, personId, args.housingStatus ?? HousingStatus.CHRS);
      recordEvent(ctx, OutboxEventType.PLACEMENT_MADE, {
        personId,
        domain: placementDomain(service.structure.kind),
        payload: { placementId: created.id, serviceId, startDate },
      });
      auditWrite(ctx, { personId, domains: [DataDomain.HOUSING], action: 'placePerson', ids: { placementId: created.id } });
      return created;
    });
    return PlacementView.from(placement);
  }

  /** The structure running the service ends a placement: the place is free again. */
  async end(ctx: RequestContext, args: EndPlacementArgs): Promise<PlacementView> {
    assertAllowed(ctx.viewer, Permission.PLACEMENT_MANAGE);
    const id = parseId(args.id, 'id');
    const target = { entity: Placement, declaration: PLACEMENT_RECORD, id, label: 'Placement' };
    const rule = (found: Placement) => ({
      what: 'Ending a placement',
      actor: { structureId: found.structure.id, refusal: 'Only the structure running the service ends a placement' },
    });
    const placement = await writeRecord(ctx, target, rule, async (found, em) => {
      await em.populate(found, ['structure']);
      if (found.endDate) throw new ConflictError(`The placement ended already (${found.endDate})`);
      assertVersion('The placement', found.version, args.expectedVersion);
      const endDate = args.endDate ?? day();
      if (endDate < found.startDate || endDate > day()) {
        throw new BadUserInputError(`endDate must be between the start (${found.startDate}) and today`, 'endDate');
      }
      found.endDate = endDate;
      found.endReason = args.reason?.trim() || null;
      await this.setHousing(ctx, found.person.id, args.nextHousingStatus ?? HousingStatus.UNKNOWN);
      recordEvent(ctx, OutboxEventType.PLACEMENT_ENDED, {
        personId: found.person.id,
        domain: placementDomain(found.structure.kind),
        payload: { placementId: id, endDate },
      });
      auditWrite(ctx, { personId: found.person.id, domains: [DataDomain.HOUSING], action: 'endPlacement', ids: { placementId: id } });
      return found;
    });
    return PlacementView.from(placement);
  }

  private async setHousing(ctx: RequestContext, personId: string, status: HousingStatus): Promise<void> {
    const { em } = ctx;
    const housing = (await em.findOne(PersonHousing, { person: personId })) ?? em.create(PersonHousing, { person: personId });
    housing.status = status;
    housing.writtenBy = em.getReference(Structure, ctx.viewer.structureId);
  }

  private async siaoFor(ctx: RequestContext, siaoId: string | null): Promise<Structure> {
    if (siaoId) {
      const siao = await ctx.em.findOne(Structure, parseId(siaoId, 'siaoId'));
      if (!siao || siao.kind !== StructureKind.SIAO) throw new BadUserInputError('siaoId must be the id of a SIAO', 'siaoId');
      return siao;
    }
    const own = (await structureLoaders(ctx).structureById.load(ctx.viewer.structureId))!;
    const siao = own.departement ? await ctx.em.findOne(Structure, { kind: StructureKind.SIAO, departement: own.departement }) : null;
    if (!siao) throw new BadUserInputError(`No SIAO in your département; give siaoId`, 'siaoId');
    return siao;
  }
}

export const housingService = new HousingService();
