import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import {
  connection,
  pageInMemory,
  PageArgs,
  type Connection,
  type SubgraphContext,
  Policy,
  publicArrangements,
} from '@safeguarding/shared';
import {
  IntegratedCareBoard,
  IntegratedCareBoardConnection,
  integratedCareBoardOrder,
  LocalAuthority,
  LocalAuthorityConnection,
  localAuthorityOrder,
  LocalAuthorityBoardOverlap,
  LocalAuthorityChange,
  LocalAuthorityStatus,
  LocalAuthoritySuccession,
  PoliceForceArea,
  PoliceForceAreaConnection,
  policeForceAreaOrder,
} from './local-authority.type';

const changes = {
  recoded: LocalAuthorityChange.RECODED,
  merged: LocalAuthorityChange.MERGED,
  split: LocalAuthorityChange.SPLIT,
} as const;

/** The statutory reference data of data/reference (or REFERENCE_DATA_DIR), public, served from memory (no SQL). */
@Resolver(() => LocalAuthority)
export class ReferenceDataResolver {
  @Policy(publicArrangements)
  @Query(() => LocalAuthorityConnection, {
    description: 'English local authorities by name, a page at a time; terminated codes kept with their validity dates',
  })
  localAuthorities(
    @Arg('status', () => LocalAuthorityStatus, { nullable: true }) status: LocalAuthorityStatus | null,
    @Args() args: PageArgs,
    @Ctx() ctx: SubgraphContext,
  ): Connection<LocalAuthority> {
    const all = ctx.reference.localAuthorities
      .map((record) => LocalAuthority.of(record))
      .filter((la) => !status || la.status === status);
    const page = pageInMemory('localAuthorities', all, args, localAuthorityOrder);
    return connection(LocalAuthorityConnection, page, page.count);
  }

  @Policy(publicArrangements)
  @Query(() => LocalAuthority, {
    nullable: true,
    description:
      'A local authority by GSS code; a terminated code resolves, marked terminated, with its end date and successors',
  })
  localAuthority(@Arg('gssCode') gssCode: string, @Ctx() ctx: SubgraphContext): LocalAuthority | null {
    const record = ctx.reference.localAuthorityByGss(gssCode.trim().toUpperCase());
    return record ? LocalAuthority.of(record) : null;
  }

  @FieldResolver(() => [LocalAuthoritySuccession], {
    description:
      'For a terminated code, the authorities that took over its area and how (recoded, merged or split); empty for a live one',
  })
  successors(@Root() la: LocalAuthority, @Ctx() ctx: SubgraphContext): LocalAuthoritySuccession[] {
    return ctx.reference.successionsOf(la.gssCode).flatMap((succession) => {
      const record = ctx.reference.localAuthorityByGss(succession.successorGssCode);
      return record
        ? [
            Object.assign(new LocalAuthoritySuccession(), {
              change: changes[succession.change],
              effectiveDate: succession.effectiveDate,
              localAuthority: LocalAuthority.of(record),
            }),
          ]
        : [];
    });
  }

  @FieldResolver(() => LocalAuthority, {
    nullable: true,
    description:
      'For a code retired by a recode or a merger, the live authority that now holds its whole area; null for a live code or after a split (see successors)',
  })
  successor(@Root() la: LocalAuthority, @Ctx() ctx: SubgraphContext): LocalAuthority | null {
    if (la.status === LocalAuthorityStatus.LIVE) return null;
    const current = ctx.reference.currentLocalAuthority(la.gssCode);
    return current ? LocalAuthority.of(current) : null;
  }

  @FieldResolver(() => [LocalAuthorityBoardOverlap], {
    name: 'integratedCareBoards',
    description:
      "The integrated care boards whose areas overlap this authority's (Children Act 2004 s16E): empty for a terminated code",
  })
  overlappingBoards(@Root() la: LocalAuthority, @Ctx() ctx: SubgraphContext): LocalAuthorityBoardOverlap[] {
    return (ctx.reference.partnersOf(la.gssCode, ctx.today)?.integratedCareBoards ?? []).flatMap((overlap) => {
      const board = ctx.reference.integratedCareBoardByGss(overlap.icbGssCode);
      return board
        ? [
            Object.assign(new LocalAuthorityBoardOverlap(), {
              integratedCareBoard: IntegratedCareBoard.of(board),
              share: overlap.share,
              basis: overlap.basis,
            }),
          ]
        : [];
    });
  }

  @FieldResolver(() => [PoliceForceArea], {
    name: 'policeForceAreas',
    description:
      "The police force areas that overlap this authority's (Children Act 2004 s16E); in England each authority lies in one",
  })
  overlappingForces(@Root() la: LocalAuthority, @Ctx() ctx: SubgraphContext): PoliceForceArea[] {
    return (ctx.reference.partnersOf(la.gssCode)?.policeForceGssCodes ?? []).flatMap((code) => {
      const force = ctx.reference.policeForceAreaByGss(code);
      return force ? [PoliceForceArea.of(force)] : [];
    });
  }

  @Policy(publicArrangements)
  @Query(() => IntegratedCareBoardConnection, {
    description: 'Integrated care boards by name, a page at a time; by default those in existence today',
  })
  integratedCareBoards(
    @Arg('includeEnded', () => Boolean, {
      defaultValue: false,
      description: 'Also boards ended by a merger or reorganisation',
    })
    includeEnded: boolean,
    @Args() args: PageArgs,
    @Ctx() ctx: SubgraphContext,
  ): Connection<IntegratedCareBoard> {
    const all = (
      includeEnded ? ctx.reference.integratedCareBoards : ctx.reference.integratedCareBoardsOn(ctx.today)
    ).map(IntegratedCareBoard.of);
    const page = pageInMemory('integratedCareBoards', all, args, integratedCareBoardOrder);
    return connection(IntegratedCareBoardConnection, page, page.count);
  }

  @Policy(publicArrangements)
  @Query(() => PoliceForceAreaConnection, {
    description: 'Police force areas (England and Wales) by name, a page at a time; filter by country',
  })
  policeForceAreas(
    @Arg('country', () => String, { nullable: true }) country: string | null,
    @Args() args: PageArgs,
    @Ctx() ctx: SubgraphContext,
  ): Connection<PoliceForceArea> {
    const all = ctx.reference.policeForceAreas
      .filter((area) => !country || area.country === country)
      .map(PoliceForceArea.of);
    const page = pageInMemory('policeForceAreas', all, args, policeForceAreaOrder);
    return connection(PoliceForceAreaConnection, page, page.count);
  }
}
