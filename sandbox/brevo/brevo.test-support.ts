// Helpers for the emulator's own tests: plain fetch against a started emulator, JSON read through zod.
import { z } from 'zod';
import { platformFetch } from '../runtime/globals';
import { startBrevoEmulator, type BrevoEmulator, type BrevoEmulatorOptions } from './emulator';

/** A Monday noon, UTC. */
export const FROZEN_NOW = new Date('2025-03-03T12:00:00.000Z');

export function startFrozen(options: BrevoEmulatorOptions = {}): Promise<BrevoEmulator> {
  return startBrevoEmulator({ now: () => FROZEN_NOW, ...options });
}

export interface ApiResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
}

const jsonObject = z.record(z.string(), z.unknown());
export type JsonObject = z.infer<typeof jsonObject>;

export function json(response: ApiResponse): JsonObject {
  return jsonObject.parse(JSON.parse(response.text));
}

export class ApiClient {
  constructor(
    private readonly apiUrl: string,
    private readonly apiKey: string | undefined,
  ) {}

  static for(brevo: BrevoEmulator, apiKey: string | undefined = brevo.account().apiKey): ApiClient {
    return new ApiClient(brevo.apiUrl, apiKey);
  }

  async request(method: string, path: string, body?: unknown): Promise<ApiResponse> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (this.apiKey !== undefined) headers['api-key'] = this.apiKey;
    let payload: string | undefined;
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      payload = typeof body === 'string' ? body : JSON.stringify(body);
    }
    // The jest setup wraps fetch for the app's egress; the emulator is called with the plain one.
    const response = await platformFetch()(`${this.apiUrl}${path}`, { method, headers, body: payload });
    return { status: response.status, headers: response.headers, text: await response.text() };
  }

  get(path: string): Promise<ApiResponse> {
    return this.request('GET', path);
  }

  post(path: string, body: unknown): Promise<ApiResponse> {
    return this.request('POST', path, body);
  }

  put(path: string, body: unknown): Promise<ApiResponse> {
    return this.request('PUT', path, body);
  }
}

/** status and parsed body (or the raw text when it is not JSON, '' for none) */
export function summary(response: ApiResponse): [number, unknown] {
  if (response.text === '') return [response.status, ''];
  try {
    return [response.status, JSON.parse(response.text)];
  } catch {
    return [response.status, response.text];
  }
}
