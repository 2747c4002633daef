// A rule of the emulated TeamSupport data was broken (unknown id, status of another ticket type, bad custom value).
// The API turns it into a 500 "Internal Server Error: …" like the server's database errors; the admin surface into 400.
export class DomainError extends Error {}
