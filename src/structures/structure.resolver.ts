import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../context/request-context';
import { StructuresArgs } from './structure.inputs';
import { structureService } from './structure.service';
import { ServiceView, StructureConnectionView, StructureView } from './structure.type';
import { type Connection, PageArgs } from '../shared/connection';
import './structure.plan';

@Resolver(() => StructureView)
export class StructureResolver {
  @Query(() => [StructureView], { description: 'The directory of partners, by kind then name.' })
  structures(@Ctx() ctx: RequestContext, @Args() filter: StructuresArgs): Promise<StructureView[]> {
    return structureService.list(ctx, filter);
  }

  @Query(() => StructureConnectionView, { description: 'The directory of partners, by kind then name, a page at a time: the paged form of structures.' })
  structuresConnection(@Ctx() ctx: RequestContext, @Args() filter: StructuresArgs, @Args() page: PageArgs): Promise<Connection<StructureView>> {
    return structureService.page(ctx, filter, page);
  }

  @Query(() => StructureView, {
    nullable: true,
    description: 'One structure of the directory (no person data, readable by every role); null for an unknown id.',
  })
  structure(@Ctx() ctx: RequestContext, @Arg('id', () => ID, { description: "The structure's id." }) id: string): Promise<StructureView | null> {
    return structureService.get(ctx, id);
  }

  @FieldResolver(() => [ServiceView], { description: 'The services ("dispositifs") the structure runs.' })
  services(@Ctx() ctx: RequestContext, @Root() structure: StructureView): Promise<ServiceView[]> {
    return structureService.servicesOf(ctx, structure.id);
  }
}

@Resolver(() => ServiceView)
export class ServiceResolver {
  @FieldResolver(() => StructureView, { description: 'The structure running the service.' })
  structure(@Ctx() ctx: RequestContext, @Root() service: ServiceView): StructureView | Promise<StructureView> {
    return structureService.byId(ctx, service.structureId);
  }
}
