// The JSON the app stores and queues: retry payloads, cached values, contact facts.

export type SyncJson = string | number | boolean | null | SyncJson[] | { [key: string]: SyncJson };
