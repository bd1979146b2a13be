export { notificationsSubgraph } from './subgraph';
export { EventIntake, intakeSteps, type IntakeStep } from './event-intake/event-intake.service';
export { ReceivedEvent } from './event-intake/received-event.entity';
export { IndexedObligation } from './obligation-index/indexed-obligation.entity';
export { ObligationAudienceEntry } from './obligation-index/obligation-audience.entity';
