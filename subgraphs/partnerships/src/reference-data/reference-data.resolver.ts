import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '@safeguarding/shared';
import { IntegratedCareBoard, LocalAuthority, LocalAuthorityStatus, PoliceForceArea } from './local-authority.type';

/** The statutory reference data of data/reference, public, served from memory (no SQL). */
@Resolver(() => LocalAuthority)
export class ReferenceDataResolver {
  @Query(() => [LocalAuthority], { description: 'English local authorities; terminated codes kept with their validity dates' })
  localAuthorities(
    @Arg('status', () => LocalAuthorityStatus, { nullable: true }) status: LocalAuthorityStatus | null,
    @Ctx() ctx: SubgraphContext,
  ): LocalAuthority[] {
    return ctx.reference.localAuthorities
      .map((record) => LocalAuthority.of(record, ctx.reference.successorOf(record)))
      .filter((la) => !status || la.status === status);
  }

  @Query(() => LocalAuthority, { nullable: true, description: 'A local authority by GSS code; a terminated code resolves, marked terminated, with its successor' })
  localAuthority(@Arg('gssCode') gssCode: string, @Ctx() ctx: SubgraphContext): LocalAuthority | null {
    const record = ctx.reference.localAuthorityByGss(gssCode.trim().toUpperCase());
    return record ? LocalAuthority.of(record, ctx.reference.successorOf(record)) : null;
  }

  @FieldResolver(() => LocalAuthority, { nullable: true, description: 'For a terminated code, the code that replaced it' })
  successor(@Root() la: LocalAuthority, @Ctx() ctx: SubgraphContext): LocalAuthority | null {
    if (!la.successorGssCode) return null;
    const record = ctx.reference.localAuthorityByGss(la.successorGssCode);
    return record ? LocalAuthority.of(record, ctx.reference.successorOf(record)) : null;
  }

  @Query(() => [IntegratedCareBoard])
  integratedCareBoards(@Ctx() ctx: SubgraphContext): IntegratedCareBoard[] {
    return ctx.reference.integratedCareBoards.map(IntegratedCareBoard.of);
  }

  @Query(() => [PoliceForceArea], { description: 'Police force areas (England and Wales); filter by country' })
  policeForceAreas(@Arg('country', () => String, { nullable: true }) country: string | null, @Ctx() ctx: SubgraphContext): PoliceForceArea[] {
    return ctx.reference.policeForceAreas.filter((area) => !country || area.country === country).map(PoliceForceArea.of);
  }
}
