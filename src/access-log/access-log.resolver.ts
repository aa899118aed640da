import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { type Connection, PageArgs } from '../shared/connection';
import type { RequestContext } from '../context/request-context';
import { structureService } from '../structures/structure.service';
import { StructureView } from '../structures/structure.type';
import { accessLogService } from './access-log.service';
import { AccessLogEntryConnectionView, AccessLogEntryView } from './access-log.type';

@Resolver(() => AccessLogEntryView)
export class AccessLogResolver {
  @Query(() => [AccessLogEntryView], { description: "Who read or wrote this person's record; for structures holding a full mandate." })
  accessLog(@Ctx() ctx: RequestContext, @Arg('personId', () => ID, { description: "The person whose record's accesses to list." }) personId: string): Promise<AccessLogEntryView[]> {
    return accessLogService.of(ctx, personId);
  }

  @Query(() => AccessLogEntryConnectionView, {
    description: "Who read or wrote this person's record, newest first, a page at a time (the whole log: accessLog stops at the latest thousand); for structures holding a full mandate.",
  })
  accessLogConnection(
    @Ctx() ctx: RequestContext,
    @Arg('personId', () => ID, { description: "The person whose record's accesses to list." }) personId: string,
    @Args() page: PageArgs,
  ): Promise<Connection<AccessLogEntryView>> {
    return accessLogService.page(ctx, personId, page);
  }

  @FieldResolver(() => StructureView, { description: 'The structure that accessed the record.' })
  structure(@Ctx() ctx: RequestContext, @Root() entry: AccessLogEntryView): StructureView | Promise<StructureView> {
    return structureService.byId(ctx, entry.structureId);
  }
}
