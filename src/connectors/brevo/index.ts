// Public surface of the Brevo connector: the EventSink factory and the few facts other layers may use.
export {
  BREVO_ATTRIBUTE_NAME,
  BREVO_EVENT_NAME,
  createBrevo,
  CREATABLE_ATTRIBUTE_TYPES,
  MAX_EVENT_PROPERTIES_BYTES,
  type BrevoAccount,
  type BrevoOptions,
} from './brevo';
export { rateLimitWaitMs } from './failures';
export { BREVO_API_URL, BREVO_SYSTEM } from './system';
