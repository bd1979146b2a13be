import {
  clockRuleFor,
  DeadlineView,
  DomainError,
  ErrorCode,
  type ObligationKind,
  type SubgraphContext,
} from '@safeguarding/shared';
import { DeadlinePreview, type DeadlinePreviewArgs } from './deadline-preview.type';

/** A kind the registry holds no clock for yet: BAD_USER_INPUT on `kind`, with reason NO_CLOCK_RULE. */
export class NoClockRuleError extends DomainError {
  constructor(kind: ObligationKind) {
    super(ErrorCode.BAD_USER_INPUT, `kind: ${kind} has no clock rule to preview`, {
      field: 'kind',
      reason: 'NO_CLOCK_RULE',
    });
  }
}

/**
 * The shared clock registry answers, with the working-day calendar every subgraph uses, so a
 * preview and a recorded deadline cannot disagree. Public: it reads no record.
 */
export class DeadlinePreviewService {
  constructor(private readonly ctx: SubgraphContext) {}

  preview(args: DeadlinePreviewArgs): DeadlinePreview {
    const rule = clockRuleFor(args.kind);
    if (!rule) throw new NoClockRuleError(args.kind);
    const deadline = rule.compute(args.from, this.ctx.calendar);
    return Object.assign(new DeadlinePreview(), {
      kind: args.kind,
      from: args.from,
      deadline: DeadlineView.of(deadline, rule.basis, null, this.ctx.today),
      localSetting: rule.localSetting ?? null,
    });
  }
}
