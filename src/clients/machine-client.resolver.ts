import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../context/request-context';
import { CreateMachineClientInput } from './machine-client.inputs';
import { machineClientService } from './machine-client.service';
import { MachineClientCredentialsView, MachineClientView } from './machine-client.type';

@Resolver(() => MachineClientView)
export class MachineClientResolver {
  @Query(() => [MachineClientView], { description: "Your structure's machine clients (structure admins)." })
  machineClients(@Ctx() ctx: RequestContext): Promise<MachineClientView[]> {
    return machineClientService.list(ctx);
  }

  @Mutation(() => MachineClientCredentialsView, { description: 'A partner system of your structure; its secret is shown once.' })
  createMachineClient(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => CreateMachineClientInput, { description: "The client's name and role." }) input: CreateMachineClientInput,
  ): Promise<MachineClientCredentialsView> {
    return machineClientService.create(ctx, input);
  }

  @Mutation(() => MachineClientCredentialsView, { description: 'A new secret, shown once; the old one stops working at once.' })
  rotateMachineClientSecret(@Ctx() ctx: RequestContext, @Arg('id', () => ID, { description: 'The machine client, of your structure.' }) id: string): Promise<MachineClientCredentialsView> {
    return machineClientService.rotate(ctx, id);
  }

  @Mutation(() => MachineClientView, { description: 'For good: no more tokens, and its tokens are refused from the next request.' })
  revokeMachineClient(@Ctx() ctx: RequestContext, @Arg('id', () => ID, { description: 'The machine client, of your structure.' }) id: string): Promise<MachineClientView> {
    return machineClientService.revoke(ctx, id);
  }
}
