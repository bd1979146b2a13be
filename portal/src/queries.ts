/**
 * Every operation the portal sends, in one place. Each asks only for what a page shows; fields the
 * caller may not read come back as errors beside the data, and the page leaves them out.
 */
const deadline = 'due rule basis status provisional completedOn';

export const partnershipsQuery = /* GraphQL */ `
  query PortalPartnerships {
    # The first page holds every partnership a caller acts in only below 100: the portal's
    # caller acts in a handful, which viewer lists; this list is what the caller may see.
    partnerships(first: 100) {
      nodes {
        id
        name
        status
      }
    }
  }
`;

// The overview asks one question per section, each small enough for the graph's cost limit and
// each shown as soon as it answers.
export const overviewHeaderQuery = /* GraphQL */ `
  query PortalOverviewHeader($id: ID!) {
    partnership(id: $id) {
      id
      name
      status
      activeFrom
    }
  }
`;

export const overviewDueQuery = /* GraphQL */ `
  query PortalOverviewDue($id: ID!) {
    partnership(id: $id) { id whatIsDue(first: 100) { totalCount nodes { id kind about { __typename ... on OtherObligationSubject { type } } deadline { ${deadline} } } } }
  }
`;

export const overviewYearlyQuery = /* GraphQL */ `
  query PortalOverviewYearly($id: ID!) {
    partnership(id: $id) {
      id
      yearlyReports(first: 20) {
        totalCount
        nodes {
          id financialYear status statusReasons publishedOn sentToPanelOn sentToFoundationsOn
          publicationDeadline { ${deadline} }
          panelDeadline { ${deadline} }
          foundationsDeadline { ${deadline} }
        }
      }
    }
  }
`;

export const overviewEducationQuery = /* GraphQL */ `
  query PortalOverviewEducation($id: ID!) {
    partnership(id: $id) {
      id
      educationRepresentatives {
        id
        level
        forum
        name
        role
        represents
      }
    }
  }
`;

export const overviewSchoolsQuery = /* GraphQL */ `
  query PortalOverviewSchools($id: ID!) {
    partnership(id: $id) {
      id
      withoutDsl: schools(first: 25, noDsl: true) { totalCount nodes { urn name } }
      trainingOverdue: schools(first: 25, trainingOverdue: true) {
        totalCount
        nodes { urn name safeguardingLeads { id name role trainingDue { ${deadline} } trainingOverdue } }
      }
    }
  }
`;

export const overviewSection11Query = /* GraphQL */ `
  query PortalOverviewSection11($id: ID!, $financialYear: String!) {
    partnership(id: $id) {
      id
      section11Overview(financialYear: $financialYear) {
        financialYear
        notReturned(first: 25) { totalCount nodes { id name } }
        ratings { standardKey title red amber green }
        overdueActions(first: 25) { totalCount nodes { id description owner deadline { ${deadline} } agency { id name } } }
      }
    }
  }
`;

export const overviewSection175Query = /* GraphQL */ `
  query PortalOverviewSection175($id: ID!, $financialYear: String!) {
    partnership(id: $id) {
      id
      schoolSafeguardingOverview(financialYear: $financialYear) {
        financialYear
        notReturned(first: 25) { totalCount nodes { urn name } }
        ratings { standardKey title red amber green }
        overdueActions(first: 25) { totalCount nodes { id description owner deadline { ${deadline} } school { urn name } } }
      }
    }
  }
`;

export const escalationsQuery = /* GraphQL */ `
  query PortalEscalations($id: ID!, $reason: String!, $from: Date!, $to: Date!) {
    partnership(id: $id) {
      id
      name
      escalations(accessReason: $reason, first: 50) {
        nodes {
          id caseReference status stagePosition stageName raisedOn issueType
          stageDeadline { ${deadline} }
        }
      }
      escalationReport(from: $from, to: $to) {
        raised { count suppressed }
        resolved { count suppressed }
        open { count suppressed }
        overdue { count suppressed }
        openByStage { stagePosition stageName open { count suppressed } overdue { count suppressed } }
        timeToResolve { resolved { count suppressed } medianWorkingDays meanWorkingDays }
      }
      escalationLearningNotes(from: $from, to: $to, first: 20) { nodes { id occurredOn reason outcome } }
    }
  }
`;

export const reviewsQuery = /* GraphQL */ `
  query PortalReviews($id: ID!) {
    partnership(id: $id) {
      id
      name
      seriousIncidentNotifications(first: 20) {
        nodes {
          id caseReference dateAware dateNotified status notifiedOnTime
          notificationDeadline { ${deadline} }
        }
      }
      rapidReviews(first: 20) { nodes { id status openedOn sentToPanelOn deadline { ${deadline} } } }
      practiceReviews(first: 20) {
        nodes {
          id title kind status decisionDate publishedOn
          publicationDeadline { ${deadline} }
          reportToPanelDeadline { ${deadline} }
        }
      }
    }
  }
`;
