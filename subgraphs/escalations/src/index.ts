export { escalationsSubgraph } from './subgraph';
export { EscalationEventRepository } from './escalation-event/escalation-event.repository';
export { defaultEscalationStages } from './escalation-policy/default-escalation-stages';
