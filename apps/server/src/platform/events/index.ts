export { appendEvent, type NewEvent } from './outbox.ts';
