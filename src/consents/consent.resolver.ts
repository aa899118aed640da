import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { personService } from '../persons/person.service';
import { PersonView } from '../persons/person.type';
import type { RequestContext } from '../context/request-context';
import { structureService } from '../structures/structure.service';
import { StructureView } from '../structures/structure.type';
import { RecordConsentInput } from './consent.inputs';
import { consentService } from './consent.service';
import { ConsentView } from './consent.type';

@Resolver(() => ConsentView)
export class ConsentResolver {
  @Mutation(() => ConsentView, { description: 'A structure holding the data records the person’s consent to share it.' })
  recordConsent(@Ctx() ctx: RequestContext, @Arg('input', () => RecordConsentInput, { description: 'The consent: person, domain, recipient and expiry.' }) input: RecordConsentInput): Promise<ConsentView> {
    return consentService.record(ctx, input);
  }

  @Mutation(() => ConsentView, { description: 'Revocation takes effect on the next request.' })
  revokeConsent(@Ctx() ctx: RequestContext, @Arg('id', () => ID, { description: 'The consent to revoke: one your structure recorded, or of a domain it holds for the person.' }) id: string): Promise<ConsentView> {
    return consentService.revoke(ctx, id);
  }

  @FieldResolver(() => PersonView, { description: 'The person who gave the consent.' })
  person(@Ctx() ctx: RequestContext, @Root() consent: ConsentView): Promise<PersonView> {
    return personService.byId(ctx, consent.personId);
  }

  @FieldResolver(() => StructureView, { nullable: true, description: 'Null means every structure that holds a mandate on the person.' })
  recipient(@Ctx() ctx: RequestContext, @Root() consent: ConsentView): StructureView | null | Promise<StructureView | null> {
    return structureService.optionalById(ctx, consent.recipientId);
  }

  @FieldResolver(() => StructureView, { description: 'The structure, holding the data, that recorded the consent.' })
  recordedBy(@Ctx() ctx: RequestContext, @Root() consent: ConsentView): StructureView | Promise<StructureView> {
    return structureService.byId(ctx, consent.recordedById);
  }
}

/** The consents of a person, added to Person from here. */
@Resolver(() => PersonView)
export class PersonConsentsResolver {
  @FieldResolver(() => [ConsentView], { description: 'Consents your structure recorded or receives (full mandate only).' })
  consents(@Ctx() ctx: RequestContext, @Root() person: PersonView): Promise<ConsentView[]> {
    return consentService.ofPerson(ctx, person.id);
  }
}
