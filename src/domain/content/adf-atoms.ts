// Text labels for ADF nodes without text of their own (mentions, emoji, dates, media, …), shared by the HTML and
// plain-text renderings.
import { z } from 'zod';
import { optionalNumber, optionalString, readAttrs, type AdfInputNode } from './adf-input';

// How the ADF nodes that have no text of their own read as text. HTML and plain-text rendering share
// these, so a comment reads the same in a ticket action and in an echo-marker check.

const mentionAttrs = z.object({ text: optionalString });
const emojiAttrs = z.object({ text: optionalString, shortName: optionalString });
const dateAttrs = z.object({ timestamp: z.union([z.string(), z.number()]).optional().catch(undefined) });
const statusAttrs = z.object({ text: optionalString });
const mediaAttrs = z.object({ alt: optionalString, type: optionalString, url: optionalString });
const extensionAttrs = z.object({ extensionKey: optionalString, text: optionalString });
const cardAttrs = z.object({
  url: optionalString,
  data: z.object({ url: optionalString }).optional().catch(undefined),
});
const titleAttrs = z.object({ title: optionalString });
const placeholderAttrs = z.object({ text: optionalString });
export const levelAttrs = z.object({ level: optionalNumber });

function clean(value: string | undefined): string {
  return (value ?? '').trim();
}

/** `@Name` from the mention's display text. The account id is never shown: it is internal to Jira. */
export function mentionLabel(node: AdfInputNode): string {
  const name = clean(readAttrs(node.attrs, mentionAttrs).text).replace(/^@+/, '');
  return `@${name === '' ? 'user' : name}`;
}

export function emojiLabel(node: AdfInputNode): string {
  const attrs = readAttrs(node.attrs, emojiAttrs);
  const glyph = clean(attrs.text);
  return glyph !== '' ? glyph : clean(attrs.shortName);
}

/** ADF dates are epoch milliseconds (as a string); shown as an ISO date, or nothing when unreadable. */
export function dateLabel(node: AdfInputNode): string {
  const raw = readAttrs(node.attrs, dateAttrs).timestamp;
  const millis = typeof raw === 'string' && /^-?\d+$/.test(raw.trim()) ? Number(raw) : raw;
  if (typeof millis !== 'number' || !Number.isFinite(millis)) return '';
  const date = new Date(millis);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString().slice(0, 10);
}

/** Jira draws a status as an upper-case lozenge. */
export function statusLabel(node: AdfInputNode): string {
  const value = clean(readAttrs(node.attrs, statusAttrs).text);
  return value === '' ? '' : `[${value.toUpperCase()}]`;
}

/** Media lives in Jira's media store, which a ticket cannot reach, so it is named, not embedded. */
export function mediaLabel(node: AdfInputNode): string {
  const alt = clean(readAttrs(node.attrs, mediaAttrs).alt);
  return alt === '' ? '[attachment]' : `[attachment: ${alt}]`;
}

/** The URL of an external (not uploaded) media item, if it has one. */
export function externalMediaUrl(node: AdfInputNode): string | undefined {
  const attrs = readAttrs(node.attrs, mediaAttrs);
  return attrs.type === 'external' ? attrs.url : undefined;
}

export function extensionLabel(node: AdfInputNode): string {
  const attrs = readAttrs(node.attrs, extensionAttrs);
  const fallback = clean(attrs.text);
  if (fallback !== '') return fallback;
  const key = clean(attrs.extensionKey);
  return key === '' ? '[extension]' : `[extension: ${key}]`;
}

export function cardUrl(node: AdfInputNode): string {
  const attrs = readAttrs(node.attrs, cardAttrs);
  return clean(attrs.url ?? attrs.data?.url);
}

export function expandTitle(node: AdfInputNode): string {
  return clean(readAttrs(node.attrs, titleAttrs).title);
}

export function placeholderLabel(node: AdfInputNode): string {
  return clean(readAttrs(node.attrs, placeholderAttrs).text);
}
