import type { DeadlineValue } from './components/Deadline';

/** The shapes of the answers to queries.ts, as far as the pages read them. */
export interface PartnershipSummary {
  readonly id: string;
  readonly name: string;
  readonly status: string;
}

export interface DueItem {
  readonly id: string;
  readonly kind: string;
  /** The record it is about: its type in the graph, or (`OtherObligationSubject`) the owner's name for it. */
  readonly about: { readonly __typename: string; readonly type?: string };
  readonly deadline: DeadlineValue;
}

export interface YearlyReport {
  readonly id: string;
  readonly financialYear: string;
  readonly status: string;
  readonly statusReasons: readonly string[];
  readonly publishedOn: string | null;
  readonly sentToPanelOn: string | null;
  readonly sentToFoundationsOn: string | null;
  readonly publicationDeadline: DeadlineValue;
  readonly panelDeadline: DeadlineValue | null;
  readonly foundationsDeadline: DeadlineValue | null;
}

export interface RatingSummary {
  readonly standardKey: string;
  readonly title: string;
  readonly red: number;
  readonly amber: number;
  readonly green: number;
}

type Overview = {
  readonly id: string;
  readonly name: string;
  readonly status: string;
  readonly activeFrom: string | null;
  readonly whatIsDue: { readonly totalCount: number; readonly nodes: readonly DueItem[] } | null;
  readonly yearlyReports: { readonly totalCount: number; readonly nodes: readonly YearlyReport[] } | null;
  readonly educationRepresentatives: ReadonlyArray<{
    id: string;
    level: string;
    forum: string;
    name: string;
    role: string;
    represents: string;
  }> | null;
  readonly withoutDsl: { totalCount: number; nodes: ReadonlyArray<{ urn: string; name: string }> } | null;
  readonly trainingOverdue: {
    totalCount: number;
    nodes: ReadonlyArray<{
      urn: string;
      name: string;
      safeguardingLeads: ReadonlyArray<{
        id: string;
        name: string;
        role: string;
        trainingDue: DeadlineValue | null;
        trainingOverdue: boolean;
      }>;
    }>;
  } | null;
  readonly section11Overview: {
    financialYear: string;
    notReturned: { totalCount: number; nodes: ReadonlyArray<{ id: string; name: string }> };
    ratings: readonly RatingSummary[];
    overdueActions: {
      totalCount: number;
      nodes: ReadonlyArray<{
        id: string;
        description: string;
        owner: string;
        deadline: DeadlineValue;
        agency: { id: string; name: string } | null;
      }>;
    };
  } | null;
  readonly schoolSafeguardingOverview: {
    financialYear: string;
    notReturned: { totalCount: number; nodes: ReadonlyArray<{ urn: string; name: string }> };
    ratings: readonly RatingSummary[];
    overdueActions: {
      totalCount: number;
      nodes: ReadonlyArray<{
        id: string;
        description: string;
        owner: string;
        deadline: DeadlineValue;
        school: { urn: string; name: string } | null;
      }>;
    };
  } | null;
};

/** One section's answer: the partnership with the fields that section asked for. */
export interface OverviewPart<K extends keyof Overview> {
  readonly partnership: Pick<Overview, 'id' | K> | null;
}

export interface Count {
  readonly count: number | null;
  readonly suppressed: boolean;
}

export interface Escalations {
  readonly partnership: {
    readonly id: string;
    readonly name: string;
    readonly escalations: {
      nodes: ReadonlyArray<{
        id: string;
        caseReference: string;
        status: string;
        stagePosition: number;
        stageName: string;
        raisedOn: string;
        issueType: string;
        stageDeadline: DeadlineValue;
      }>;
    } | null;
    readonly escalationReport: {
      raised: Count;
      resolved: Count;
      open: Count;
      overdue: Count;
      openByStage: ReadonlyArray<{ stagePosition: number; stageName: string; open: Count; overdue: Count }>;
      timeToResolve: { resolved: Count; medianWorkingDays: number | null; meanWorkingDays: number | null };
    } | null;
    readonly escalationLearningNotes: {
      nodes: ReadonlyArray<{ id: string; occurredOn: string; reason: string | null; outcome: string | null }>;
    } | null;
  } | null;
}

export interface Reviews {
  readonly partnership: {
    readonly id: string;
    readonly name: string;
    readonly seriousIncidentNotifications: {
      readonly nodes: ReadonlyArray<{
        id: string;
        caseReference: string;
        dateAware: string;
        dateNotified: string | null;
        status: string;
        notifiedOnTime: boolean | null;
        notificationDeadline: DeadlineValue;
      }>;
    } | null;
    readonly rapidReviews: {
      readonly nodes: ReadonlyArray<{
        id: string;
        status: string;
        openedOn: string;
        sentToPanelOn: string | null;
        deadline: DeadlineValue;
      }>;
    } | null;
    readonly practiceReviews: {
      readonly nodes: ReadonlyArray<{
        id: string;
        title: string;
        kind: string;
        status: string;
        decisionDate: string;
        publishedOn: string | null;
        publicationDeadline: DeadlineValue;
        reportToPanelDeadline: DeadlineValue;
      }>;
    } | null;
  } | null;
}
