import { Field, ID, InputType, Int, ObjectType, registerEnumType, type ClassType } from 'type-graphql';
import type { GraphQLScalarType } from 'graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { connectionOf, type ConnectionClass } from '../connection';
import { DateScalar } from '../scalars';

/**
 * A partnership's framework runs to a dozen or so standards (section 11 audits, the KCSIE
 * safeguarding return); thirty leaves room for local ones. A return rates each standard once, so
 * it holds at most as many ratings; each rating's improvement plan lists at most twenty actions.
 */
export const selfAssessmentLimits = { standards: 30, actionsPerRating: 20 } as const;

export enum RagRating {
  RED = 'RED',
  AMBER = 'AMBER',
  GREEN = 'GREEN',
}
// One RAG scale in the graph: agencies' section 11 and schools' section 175/157 returns rate the same way.
registerEnumType(RagRating, {
  name: 'RagRating',
  description: 'How well a standard is met: RED not met, AMBER partly, GREEN met',
});

/** A standard before it belongs to a partnership. */
export interface SelfAssessmentStandardDefinition {
  readonly key: string;
  readonly title: string;
  readonly description: string;
}

/**
 * One standard a partnership's members rate themselves against each year. The standards are the
 * partnership's own choice (local practice), so each partnership configures them; until it does,
 * the module's default set applies.
 */
// Not in any schema by itself: type-graphql emits only the types a schema's resolvers reach.
@ObjectType()
export abstract class SelfAssessmentStandard {
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  @Index()
  @Column('varchar', { length: 36 })
  partnershipId!: string;

  @Field(() => Int, { description: 'Order of the standard, from 1' })
  @Column('int')
  position!: number;

  // Exposed by each module, whose description gives an example key of its own.
  @Column('varchar', { length: 40 })
  key!: string;

  @Field()
  @Column('varchar', { length: 200 })
  title!: string;

  @Field()
  @Column('varchar', { length: 1000 })
  description!: string;

  @Field({ description: 'True when the partnership has configured none and the default set applies' })
  isDefault!: boolean;
}

/**
 * A member's yearly self-assessment for one partnership. Restricted to the member itself and the
 * partnership's staff; reads and writes are audited, as of a statutory return.
 */
// Not in any schema by itself: type-graphql emits only the types a schema's resolvers reach.
@ObjectType()
export abstract class SelfAssessmentReturn {
  @Field(() => ID)
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  @Index()
  @Column('varchar', { length: 36 })
  partnershipId!: string;

  @Field({ description: 'The financial year assessed, e.g. 2025-26 (1 April to 31 March)' })
  @Column('varchar', { length: 7 })
  financialYear!: string;

  @Field(() => DateScalar)
  @Column('date')
  submittedOn!: string;
}

/** One standard's rating in a return; the title is copied so a later change of standards leaves past returns as they were. */
// Not in any schema by itself: type-graphql emits only the types a schema's resolvers reach.
@ObjectType()
export abstract class SelfAssessmentRating {
  @Field(() => ID)
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  @Index()
  @Column('varchar', { length: 36 })
  returnId!: string;

  // Copied from the return (as is the member), so the visibility rule applies to ratings without a join.
  @Index()
  @Column('varchar', { length: 36 })
  partnershipId!: string;

  @Field()
  @Column('varchar', { length: 40 })
  standardKey!: string;

  @Field()
  @Column('varchar', { length: 200 })
  standardTitle!: string;

  // The standard's place in the partnership's list when the return was made: a return's ratings
  // read in that order on every database, not in whatever order the rows happen to come back.
  @Column('int', { default: 0 })
  position!: number;

  @Field(() => RagRating)
  @Column('varchar', { length: 5 })
  rating!: RagRating;

  @Field()
  @Column('text')
  evidence!: string;
}

/** An improvement a member commits to in a return, with an owner and a due date. */
// Not in any schema by itself: type-graphql emits only the types a schema's resolvers reach.
@ObjectType()
export abstract class SelfAssessmentAction {
  @Field(() => ID)
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  @Index()
  @Column('varchar', { length: 36 })
  ratingId!: string;

  @Index()
  @Column('varchar', { length: 36 })
  partnershipId!: string;

  @Field()
  @Column('varchar', { length: 7 })
  financialYear!: string;

  @Field()
  @Column('varchar', { length: 40 })
  standardKey!: string;

  @Field()
  @Column('varchar', { length: 1000 })
  description!: string;

  // Exposed by each module, whose description names its kind of member.
  @Column('varchar', { length: 200 })
  owner!: string;

  // Shown through deadline.
  @Column('date')
  dueOn!: string;

  @Column('date', { nullable: true })
  completedOn!: string | null;
}

// Not in any schema by itself: type-graphql emits only the types a schema's resolvers reach.
/**
 * When a partnership's yearly returns are due: local practice (no statute sets the day), so each
 * partnership may set it; until it does, the engine's default applies.
 */
export abstract class SelfAssessmentSettings {
  @PrimaryColumn('varchar', { length: 36 })
  partnershipId!: string;

  /** MM-DD: the first such day on or after the 1 April that starts the year assessed. */
  @Column('varchar', { length: 5 })
  returnDue!: string;
}

// Not in any schema by itself: type-graphql emits only the types a schema's resolvers reach.
@ObjectType()
export abstract class SelfAssessmentStandardSummary {
  @Field()
  standardKey!: string;

  @Field()
  title!: string;

  @Field(() => Int)
  red!: number;

  @Field(() => Int)
  amber!: number;

  @Field(() => Int)
  green!: number;
}

/** The schema's wording, which each module words for its own members and law. */
export interface SelfAssessmentDescriptions {
  readonly standardType: string;
  readonly standardKey: string;
  readonly returnType: string;
  readonly ratingType: string;
  readonly actionType: string;
  readonly actionOwner: string;
  readonly summaryType: string;
  readonly overviewType: string;
  readonly notReturned: string;
  readonly summaries: string;
  readonly standardInput: string;
  readonly standardInputKey: string;
  readonly actionInput: string;
  readonly actionInputOwner: string;
  readonly ratingInput: string;
  readonly submitInput: string;
  readonly standardsField: string;
  readonly returnsField: string;
  readonly overviewField: string;
  readonly memberReturnsField: string;
  readonly submitMutation: string;
  readonly configureMutation: string;
  readonly completeMutation: string;
}

/** Who rates themselves: an agency (by id) or a school (by URN), and how the schema shows it. */
export interface SelfAssessmentMemberColumn<K extends string> {
  /** The column and property holding the member's id, e.g. agencyId or urn. */
  readonly key: K;
  readonly length: number;
  /** Whether the id itself is a field of returns and actions (a URN is public; an agency is shown as its entity). */
  readonly exposed: boolean;
  readonly inputType: GraphQLScalarType | StringConstructor;
  /** The field naming the member's entity on returns and actions, e.g. agency. */
  readonly field: string;
  /** The member entity's list of its returns, e.g. section11Returns. */
  readonly returnsField: string;
  /** The member entity's property holding its id (id, urn). */
  readonly entityKey: string;
}

export interface SelfAssessmentNaming<K extends string> {
  /** Starts every type name, e.g. Section11, and in snake case every table name (section11_returns). */
  readonly prefix: string;
  /** The rating type's name after the prefix (kept from before the engine: StandardRating or Rating). */
  readonly rating: string;
  readonly member: SelfAssessmentMemberColumn<K>;
  readonly describe: SelfAssessmentDescriptions;
}

export type OfMember<T, K extends string> = T & { [P in K]: string };

export interface SelfAssessmentInputs {
  readonly StandardInput: ClassType<SelfAssessmentStandardDefinition>;
  readonly SubmitInput: ClassType<SubmitSelfAssessmentInput>;
  readonly CompleteInput: ClassType<CompleteSelfAssessmentActionInput>;
}

export interface SubmitSelfAssessmentInput {
  partnershipId: string;
  financialYear: string;
  standards: Array<{
    standardKey: string;
    rating: RagRating;
    evidence: string;
    actions: Array<{ description: string; owner: string; dueOn: string }>;
  }>;
  [member: string]: unknown;
}

export interface CompleteSelfAssessmentActionInput {
  actionId: string;
  completedOn: string;
}

export interface SelfAssessmentTypes<K extends string> extends SelfAssessmentInputs {
  readonly naming: SelfAssessmentNaming<K>;
  /** The module's entity for the member (Agency, School). */
  readonly memberType: () => ClassType;
  readonly Standard: ClassType<SelfAssessmentStandard>;
  readonly Return: ClassType<OfMember<SelfAssessmentReturn, K>>;
  readonly Rating: ClassType<OfMember<SelfAssessmentRating, K>>;
  readonly Action: ClassType<OfMember<SelfAssessmentAction, K>>;
  readonly Settings: ClassType<SelfAssessmentSettings>;
  readonly Summary: ClassType<SelfAssessmentStandardSummary>;
  readonly Overview: ClassType<SelfAssessmentOverview>;
  readonly ReturnConnection: ConnectionClass<OfMember<SelfAssessmentReturn, K>>;
  readonly ActionConnection: ConnectionClass<OfMember<SelfAssessmentAction, K>>;
  /** Pages of the module's members (agencies, schools) in an overview. */
  readonly MemberConnection: ConnectionClass<unknown>;
}

/** The lists of an overview that can grow without bound are connections, paged from its partnershipId. */
export interface SelfAssessmentOverview {
  partnershipId: string;
  financialYear: string;
  ratings: SelfAssessmentStandardSummary[];
}

/** Keeps the class's name, by which TypeORM (and tests) look an entity up. */
function named<T extends ClassType>(cls: T, name: string): T {
  Object.defineProperty(cls, 'name', { value: name });
  return cls;
}

function memberColumn<K extends string>(
  target: object,
  member: SelfAssessmentMemberColumn<K>,
  options: { field: boolean; index: boolean },
): void {
  if (options.field) Field(() => String)(target, member.key);
  if (options.index) Index()(target, member.key);
  Column('varchar', { length: member.length })(target, member.key);
}

/**
 * The entities, object and input types of one module's self-assessment, named and worded for it, on
 * the shared columns above. `memberType` is the module's entity for the member (Agency, School).
 */
export function selfAssessmentTypes<K extends string>(
  naming: SelfAssessmentNaming<K>,
  memberType: () => ClassType,
): SelfAssessmentTypes<K> {
  const { prefix, member, describe } = naming;
  const tables = prefix.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();

  @ObjectType(`${prefix}Standard`, { description: describe.standardType })
  @Entity(`${tables}_standards`)
  @Index(['partnershipId', 'key'], { unique: true })
  class Standard extends SelfAssessmentStandard {}
  Field(() => String, { description: describe.standardKey })(Standard.prototype, 'key');

  @ObjectType(`${prefix}Return`, { description: describe.returnType })
  @Entity(`${tables}_returns`)
  @Index(['partnershipId', member.key, 'financialYear'], { unique: true })
  class Return extends SelfAssessmentReturn {}
  memberColumn(Return.prototype, member, { field: member.exposed, index: true });

  @ObjectType(`${prefix}${naming.rating}`, { description: describe.ratingType })
  @Entity(`${tables}_ratings`)
  @Index(['returnId', 'standardKey'], { unique: true })
  class Rating extends SelfAssessmentRating {}
  memberColumn(Rating.prototype, member, { field: false, index: false });

  @ObjectType(`${prefix}Action`, { description: describe.actionType })
  @Entity(`${tables}_actions`)
  class Action extends SelfAssessmentAction {}
  memberColumn(Action.prototype, member, { field: member.exposed, index: true });
  Field(() => String, { description: describe.actionOwner })(Action.prototype, 'owner');

  @Entity(`${tables}_settings`)
  class Settings extends SelfAssessmentSettings {}

  @ObjectType(`${prefix}StandardSummary`, { description: describe.summaryType })
  class Summary extends SelfAssessmentStandardSummary {}

  @ObjectType(`${prefix}Overview`, { description: describe.overviewType })
  class Overview {
    @Field()
    financialYear!: string;

    @Field(() => [Summary], { description: describe.summaries })
    ratings!: SelfAssessmentStandardSummary[];

    partnershipId!: string;
  }

  const ReturnConnection = connectionOf<OfMember<SelfAssessmentReturn, K>>(
    () => Return,
    `${prefix}Return`,
    `A page of returns: ${describe.returnType}`,
  );
  const MemberConnection = connectionOf<object>(
    memberType,
    `${prefix}Member`,
    `A page of members: ${describe.notReturned}`,
  ) as ConnectionClass<unknown>;
  const ActionConnection = connectionOf<OfMember<SelfAssessmentAction, K>>(
    () => Action,
    `${prefix}Action`,
    `A page of actions: ${describe.actionType}`,
  );

  @InputType(`${prefix}StandardInput`, { description: describe.standardInput })
  class StandardInput {
    @Field({ description: describe.standardInputKey })
    key!: string;

    @Field()
    title!: string;

    @Field()
    description!: string;
  }

  @InputType(`${prefix}ActionInput`, { description: describe.actionInput })
  class ActionInput {
    @Field()
    description!: string;

    @Field({ description: describe.actionInputOwner })
    owner!: string;

    @Field(() => DateScalar, {
      description: 'Not before the day the return is made: an action plan sets dates still to come',
    })
    dueOn!: string;
  }

  @InputType(`${prefix}${naming.rating}Input`, { description: describe.ratingInput })
  class RatingInput {
    @Field()
    standardKey!: string;

    @Field(() => RagRating)
    rating!: RagRating;

    @Field()
    evidence!: string;

    @Field(() => [ActionInput], {
      defaultValue: [],
      description: `What will be done to meet the standard; at most ${selfAssessmentLimits.actionsPerRating}`,
    })
    actions!: ActionInput[];
  }

  @InputType(`Submit${prefix}ReturnInput`, { description: describe.submitInput })
  class SubmitInput implements SubmitSelfAssessmentInput {
    [member: string]: unknown;

    @Field(() => ID)
    partnershipId!: string;

    @Field({ description: 'e.g. 2025-26' })
    financialYear!: string;

    @Field(() => [RatingInput], {
      description: `One rating for each of the partnership's standards; at most ${selfAssessmentLimits.standards}`,
    })
    standards!: RatingInput[];
  }
  Field(() => member.inputType)(SubmitInput.prototype, member.key);

  @InputType(`Complete${prefix}ActionInput`)
  class CompleteInput {
    @Field(() => ID)
    actionId!: string;

    @Field(() => DateScalar)
    completedOn!: string;
  }

  return {
    naming,
    memberType,
    Standard: named(Standard, `${prefix}Standard`),
    Return: named(Return, `${prefix}Return`) as unknown as ClassType<OfMember<SelfAssessmentReturn, K>>,
    Rating: named(Rating, `${prefix}Rating`) as unknown as ClassType<OfMember<SelfAssessmentRating, K>>,
    Action: named(Action, `${prefix}Action`) as unknown as ClassType<OfMember<SelfAssessmentAction, K>>,
    Settings: named(Settings, `${prefix}Settings`),
    Summary,
    Overview: Overview as ClassType<SelfAssessmentOverview>,
    MemberConnection,
    ReturnConnection,
    ActionConnection,
    StandardInput,
    SubmitInput,
    CompleteInput,
  };
}
