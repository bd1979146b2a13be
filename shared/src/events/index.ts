export * from './embedded-event-bus';
export * from './event-bus';
export * from './nats-event-bus';
export * from './outbox';
export * from './outbox-event.entity';
export * from './outbox-relay';
export * from './create-event-bus';
