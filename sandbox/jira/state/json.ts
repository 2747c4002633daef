// The JSON value type the Jira emulator stores (field values, properties, ADF documents).
import { z } from 'zod';

/** Any JSON value; stored field values, properties and ADF documents are plain JSON like on the wire. */
export const JsonSchema = z.json();
export type Json = z.infer<typeof JsonSchema>;
export type JsonObject = { [key: string]: Json };
