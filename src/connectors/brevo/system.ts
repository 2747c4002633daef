// Where Brevo is and what its failures are called, shared by the connector's modules.

/** Brevo's API host (https://developers.brevo.com/docs/how-it-works); manifest.yml's egress allows exactly it. */
export const BREVO_API_URL = 'https://api.brevo.com';

/** The `system` of every IntegrationError the connector throws. */
export const BREVO_SYSTEM = 'brevo';
