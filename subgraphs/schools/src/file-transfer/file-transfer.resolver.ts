import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { PageArgs, type Connection, type SubgraphContext, Policy } from '@safeguarding/shared';
import { FileTransferConnection } from './file-transfer-connection.type';
import { School } from '../school/school.entity';
import { SchoolService } from '../school/school.service';
import { ChildProtectionFileTransfer } from './file-transfer.entity';
import {
  ConfirmFileTransferReceiptInput,
  MarkFileTransferSentInput,
  RecordFileTransferInput,
} from './file-transfer.input';
import { FileTransferService } from './file-transfer.service';

@Resolver(() => ChildProtectionFileTransfer)
export class FileTransferResolver {
  @Policy({ who: 'signed-in' })
  @Query(() => ChildProtectionFileTransfer, {
    nullable: true,
    description: "A file transfer, for the two schools' DSLs and their local authorities (audited)",
  })
  fileTransfer(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ChildProtectionFileTransfer | null> {
    return new FileTransferService(ctx).byId(id);
  }

  @Policy({ who: 'signed-in' })
  @Query(() => FileTransferConnection, {
    description:
      'Transfers past their 5 school days without receipt confirmed that you may see: a local authority sees those of every school in its area (audited); the oldest move first, a page at a time',
  })
  overdueFileTransfers(
    @Args() args: PageArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Connection<ChildProtectionFileTransfer>> {
    return new FileTransferService(ctx).overdue(args);
  }

  @FieldResolver(() => School, { nullable: true })
  sendingSchool(@Root() transfer: ChildProtectionFileTransfer, @Ctx() ctx: SubgraphContext): Promise<School | null> {
    return new SchoolService(ctx).byUrn(transfer.sendingUrn);
  }

  @FieldResolver(() => School, { nullable: true })
  receivingSchool(@Root() transfer: ChildProtectionFileTransfer, @Ctx() ctx: SubgraphContext): Promise<School | null> {
    return new SchoolService(ctx).byUrn(transfer.receivingUrn);
  }

  @Policy({ who: 'signed-in' })
  @Mutation(() => ChildProtectionFileTransfer, {
    description: "Records a child's move to another school (the sending school's DSL)",
  })
  recordFileTransfer(
    @Arg('input') input: RecordFileTransferInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ChildProtectionFileTransfer> {
    return new FileTransferService(ctx).record(input);
  }

  @Policy({ who: 'signed-in' })
  @Mutation(() => ChildProtectionFileTransfer, {
    description: "Marks the file sent (the sending school's DSL; from RECORDED)",
  })
  markFileTransferSent(
    @Arg('input') input: MarkFileTransferSentInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ChildProtectionFileTransfer> {
    return new FileTransferService(ctx).markSent(input);
  }

  @Policy({ who: 'signed-in' })
  @Mutation(() => ChildProtectionFileTransfer, {
    description: "Confirms the file arrived (the receiving school's DSL; from SENT)",
  })
  confirmFileTransferReceipt(
    @Arg('input') input: ConfirmFileTransferReceiptInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ChildProtectionFileTransfer> {
    return new FileTransferService(ctx).confirmReceipt(input);
  }
}

@Resolver(() => School)
export class SchoolFileTransfersResolver {
  @Policy({ who: 'signed-in' })
  @FieldResolver(() => FileTransferConnection, {
    description:
      'Files this school is sending on, for its DSL and its local authority (audited); the oldest move first, a page at a time',
  })
  fileTransfersOut(
    @Root() school: School,
    @Args() args: PageArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Connection<ChildProtectionFileTransfer>> {
    return new FileTransferService(ctx).ofSchool('out', school.urn, args);
  }

  @Policy({ who: 'signed-in' })
  @FieldResolver(() => FileTransferConnection, {
    description:
      'Files coming to this school, for its DSL and its local authority (audited); the oldest move first, a page at a time',
  })
  fileTransfersIn(
    @Root() school: School,
    @Args() args: PageArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Connection<ChildProtectionFileTransfer>> {
    return new FileTransferService(ctx).ofSchool('in', school.urn, args);
  }
}
