/** A stage as configured, before it belongs to a partnership. */
export interface EscalationStageDefinition {
  readonly position: number;
  readonly name: string;
  readonly participants: string;
  readonly timescaleWorkingDays: number;
}

/**
 * The typical procedure (DOMAIN.md §3): practitioners resolve it "within a working week"
 * (London CP procedures 11.1.4; pan-Sussex 7.2), then managers within 5 working days, then the
 * designated and named leads, the partnership, and the safeguarding partners (Lincolnshire,
 * Croydon, Hertfordshire). Every timescale is local practice; those of stages 4 and 5 are not
 * given by any of those sources and are a starting point for a partnership to replace.
 */
export function defaultEscalationStages(): EscalationStageDefinition[] {
  return [
    { position: 1, name: 'Practitioners', participants: 'The practitioners who disagree', timescaleWorkingDays: 5 },
    {
      position: 2,
      name: 'Managers',
      participants: "The practitioners' line managers or supervisors",
      timescaleWorkingDays: 5,
    },
    {
      position: 3,
      name: 'Designated and named safeguarding leads',
      participants: 'The designated and named safeguarding leads of the agencies involved',
      timescaleWorkingDays: 5,
    },
    {
      position: 4,
      name: 'Partnership business unit and independent scrutineer',
      participants: 'The safeguarding partnership business unit and the independent scrutineer',
      timescaleWorkingDays: 10,
    },
    {
      position: 5,
      name: 'Safeguarding partners',
      participants: 'The safeguarding partners: the local authority, the integrated care board and the police',
      timescaleWorkingDays: 10,
    },
  ];
}

/**
 * Managers can act the same day, so a child at immediate risk starts at stage 2; the scrutineer
 * facilitates at stage 4 (WT 2023: the scrutineer "facilitates escalation procedures"). Both are
 * clamped to the number of stages a partnership configured; a policy may name other stages.
 */
export function defaultPolicySettings(stageCount: number): {
  immediateRiskStagePosition: number;
  partnershipStagePosition: number;
} {
  return {
    immediateRiskStagePosition: Math.min(2, stageCount),
    partnershipStagePosition: Math.min(4, stageCount),
  };
}
