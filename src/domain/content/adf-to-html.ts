// Jira comment (ADF) → ticket action HTML: the conversion every comment copied to a ticket goes through.
import { z } from 'zod';
import {
  cardUrl,
  dateLabel,
  emojiLabel,
  expandTitle,
  externalMediaUrl,
  extensionLabel,
  levelAttrs,
  mediaLabel,
  mentionLabel,
  placeholderLabel,
  statusLabel,
} from './adf-atoms';
import {
  INLINE_NODE_TYPES,
  optionalNumber,
  optionalString,
  readAttrs,
  readChildren,
  readMarks,
  readNode,
  type AdfInputNode,
} from './adf-input';
import { applyMarksHtml } from './adf-marks-to-html';
import { adfToPlainText } from './adf-to-plain-text';
import { escapeHtmlAttribute, escapeHtmlText } from './html-escape';
import { safeLinkHref, safeWebHref } from './safe-url';

// Jira comment (ADF) → ticket action HTML. Nothing from the document reaches the output unescaped:
// text is escaped, attributes are rebuilt from validated values, and only http/https/mailto links
// survive. Structure that would make invalid HTML (a block inside a paragraph, a stray node inside a
// list or table) degrades to text or is wrapped in the element its parent needs.

/** Beyond this nesting, a node is rendered as its plain text; keeps a hostile document off the stack. */
const MAX_DEPTH = 64;

const PANELS: Record<string, { label: string; colour: string }> = {
  info: { label: 'Info', colour: '#0052cc' },
  note: { label: 'Note', colour: '#6554c0' },
  tip: { label: 'Tip', colour: '#36b37e' },
  success: { label: 'Success', colour: '#36b37e' },
  warning: { label: 'Warning', colour: '#ff991f' },
  error: { label: 'Error', colour: '#de350b' },
};
const CUSTOM_PANEL = { label: 'Note', colour: '#6b778c' };

const panelAttrs = z.object({ panelType: optionalString });
const orderAttrs = z.object({ order: optionalNumber });
const codeAttrs = z.object({ language: optionalString });
const stateAttrs = z.object({ state: optionalString });
const spanAttrs = z.object({ colspan: optionalNumber, rowspan: optionalNumber });

export function adfToHtml(doc: unknown): string {
  const root = readNode(doc);
  if (root === undefined) return '';
  return renderFlow(root.type === 'doc' ? readChildren(root) : [root], 0);
}

function escapeLines(value: string): string {
  return escapeHtmlText(value).replace(/\n/g, '<br>');
}

function textFallback(node: AdfInputNode): string {
  const value = adfToPlainText(node);
  return value === '' ? '' : `<p>${escapeLines(value)}</p>`;
}

/** Block context: consecutive inline nodes (invalid directly in a block container) share one paragraph. */
function renderFlow(nodes: readonly AdfInputNode[], depth: number): string {
  let html = '';
  let inlineRun: AdfInputNode[] = [];
  const closeRun = (): void => {
    if (inlineRun.length > 0) html += `<p>${renderInlines(inlineRun)}</p>`;
    inlineRun = [];
  };
  for (const node of nodes) {
    if (INLINE_NODE_TYPES.has(node.type)) {
      inlineRun.push(node);
    } else {
      closeRun();
      html += renderBlock(node, depth + 1);
    }
  }
  closeRun();
  return html;
}

/** A list item or table cell: its first paragraph is written inline, as ticket editors write it. */
function renderItemBody(children: readonly AdfInputNode[], depth: number): string {
  const [first, ...rest] = children;
  if (first?.type !== 'paragraph') return renderFlow(children, depth);
  return renderInlines(readChildren(first)) + renderFlow(rest, depth);
}

function renderBlock(node: AdfInputNode, depth: number): string {
  if (depth > MAX_DEPTH) return textFallback(node);
  const children = readChildren(node);
  switch (node.type) {
    case 'paragraph': {
      const inner = renderInlines(children);
      // Ticket editors write a blank line as a paragraph holding a no-break space; an empty <p> collapses.
      return `<p>${inner === '' ? '&nbsp;' : inner}</p>`;
    }
    case 'heading': {
      const level = headingLevel(node);
      return `<h${level}>${renderInlines(children)}</h${level}>`;
    }
    case 'bulletList':
      return `<ul>${renderListItems(children, depth)}</ul>`;
    case 'orderedList':
      return `<ol${startAttribute(node)}>${renderListItems(children, depth)}</ol>`;
    case 'taskList':
      return `<ul>${renderTaskItems(children, depth)}</ul>`;
    case 'decisionList':
      return `<ul>${children.map((item) => `<li>${renderDecision(item, depth)}</li>`).join('')}</ul>`;
    case 'codeBlock':
      return `<pre><code${languageAttribute(node)}>${escapeHtmlText(children.map((c) => c.text ?? '').join(''))}</code></pre>`;
    case 'blockquote':
      return `<blockquote>${renderFlow(children, depth)}</blockquote>`;
    case 'panel':
      return renderPanel(node, children, depth);
    case 'rule':
      return '<hr>';
    case 'table':
      return `<table><tbody>${children.map((row) => renderRow(row, depth + 1)).join('')}</tbody></table>`;
    case 'mediaSingle':
    case 'mediaGroup':
      return renderMediaBlock(children);
    case 'media':
      return `<p>${renderMedia(node)}</p>`;
    case 'blockCard':
    case 'embedCard': {
      const card = renderCard(node);
      return card === '' ? '' : `<p>${card}</p>`;
    }
    case 'expand':
    case 'nestedExpand': {
      const title = expandTitle(node);
      return (
        (title === '' ? '' : `<p><strong>${escapeHtmlText(title)}</strong></p>`) + renderFlow(children, depth)
      );
    }
    case 'bodiedExtension':
      return children.length > 0
        ? renderFlow(children, depth)
        : `<p>${escapeHtmlText(extensionLabel(node))}</p>`;
    case 'extension':
      return `<p>${escapeHtmlText(extensionLabel(node))}</p>`;
    case 'taskItem':
    case 'decisionItem':
    case 'caption':
      return `<p>${renderInlines(children)}</p>`;
    case 'doc':
    case 'layoutSection':
    case 'layoutColumn':
    case 'listItem':
    case 'tableRow':
    case 'tableCell':
    case 'tableHeader':
    case 'blockTaskItem':
      return renderFlow(children, depth);
    default:
      return textFallback(node);
  }
}

function headingLevel(node: AdfInputNode): number {
  const level = readAttrs(node.attrs, levelAttrs).level ?? 1;
  return Math.min(6, Math.max(1, Math.round(Number.isFinite(level) ? level : 1)));
}

function startAttribute(node: AdfInputNode): string {
  const order = readAttrs(node.attrs, orderAttrs).order;
  return order !== undefined && Number.isSafeInteger(order) && order >= 0 && order !== 1
    ? ` start="${order}"`
    : '';
}

function languageAttribute(node: AdfInputNode): string {
  const language = readAttrs(node.attrs, codeAttrs).language ?? '';
  return /^[A-Za-z0-9#+._-]{1,40}$/.test(language)
    ? ` class="language-${escapeHtmlAttribute(language)}"`
    : '';
}

function renderListItems(children: readonly AdfInputNode[], depth: number): string {
  return children
    .map((child) => {
      const body =
        child.type === 'listItem'
          ? renderItemBody(readChildren(child), depth + 1)
          : renderFlow([child], depth);
      return `<li>${body}</li>`;
    })
    .join('');
}

function checkbox(node: AdfInputNode): string {
  return readAttrs(node.attrs, stateAttrs).state === 'DONE' ? '☑' : '☐';
}

function renderTaskItems(children: readonly AdfInputNode[], depth: number): string {
  const items: string[] = [];
  for (const child of children) {
    const last = items.length - 1;
    if (child.type === 'taskList' && last >= 0) {
      // ADF nests a sub-list as a sibling of the items; HTML nests it inside the previous item.
      items[last] += renderBlock(child, depth + 1);
    } else if (child.type === 'taskItem') {
      items.push(`${checkbox(child)} ${renderInlines(readChildren(child))}`);
    } else if (child.type === 'blockTaskItem') {
      items.push(`${checkbox(child)} ${renderItemBody(readChildren(child), depth + 1)}`);
    } else {
      items.push(renderFlow([child], depth));
    }
  }
  return items.map((item) => `<li>${item}</li>`).join('');
}

function renderDecision(item: AdfInputNode, depth: number): string {
  return item.type === 'decisionItem'
    ? `Decision: ${renderInlines(readChildren(item))}`
    : renderFlow([item], depth);
}

function renderPanel(node: AdfInputNode, children: readonly AdfInputNode[], depth: number): string {
  const panelType = readAttrs(node.attrs, panelAttrs).panelType ?? '';
  const panel = PANELS[panelType] ?? CUSTOM_PANEL;
  return (
    `<div style="border:1px solid ${panel.colour};padding:8px">` +
    `<p><strong>${panel.label}</strong></p>${renderFlow(children, depth)}</div>`
  );
}

function spanAttribute(name: string, value: number | undefined): string {
  return value !== undefined && Number.isInteger(value) && value > 1 && value <= 1000
    ? ` ${name}="${value}"`
    : '';
}

function renderCell(cell: AdfInputNode, depth: number): string {
  if (cell.type !== 'tableCell' && cell.type !== 'tableHeader')
    return `<td>${renderFlow([cell], depth)}</td>`;
  const tag = cell.type === 'tableHeader' ? 'th' : 'td';
  const spans = readAttrs(cell.attrs, spanAttrs);
  const attributes = spanAttribute('colspan', spans.colspan) + spanAttribute('rowspan', spans.rowspan);
  return `<${tag}${attributes}>${renderItemBody(readChildren(cell), depth)}</${tag}>`;
}

function renderRow(row: AdfInputNode, depth: number): string {
  if (row.type !== 'tableRow') return `<tr><td>${renderFlow([row], depth)}</td></tr>`;
  return `<tr>${readChildren(row)
    .map((cell) => renderCell(cell, depth + 1))
    .join('')}</tr>`;
}

function renderMedia(node: AdfInputNode): string {
  const label = escapeHtmlText(mediaLabel(node));
  const external = externalMediaUrl(node);
  const href = external === undefined ? undefined : safeWebHref(external);
  return href === undefined ? label : `<a href="${escapeHtmlAttribute(href)}">${label}</a>`;
}

function renderMediaBlock(children: readonly AdfInputNode[]): string {
  const media = children.filter((c) => c.type === 'media' || c.type === 'mediaInline').map(renderMedia);
  const captions = children
    .filter((c) => c.type === 'caption')
    .map((c) => renderInlines(readChildren(c)))
    .filter((c) => c !== '');
  return (
    (media.length > 0 ? `<p>${media.join('<br>')}</p>` : '') + captions.map((c) => `<p>${c}</p>`).join('')
  );
}

function renderCard(node: AdfInputNode): string {
  const url = cardUrl(node);
  const href = safeLinkHref(url);
  return href === undefined
    ? escapeHtmlText(url)
    : `<a href="${escapeHtmlAttribute(href)}">${escapeHtmlText(url)}</a>`;
}

function renderInlines(nodes: readonly AdfInputNode[]): string {
  return nodes.map(renderInline).join('');
}

function renderInline(node: AdfInputNode): string {
  switch (node.type) {
    case 'text':
      return node.text === undefined || node.text === ''
        ? ''
        : applyMarksHtml(escapeLines(node.text), readMarks(node));
    case 'hardBreak':
      return '<br>';
    case 'mention':
      return escapeHtmlText(mentionLabel(node));
    case 'emoji':
      return escapeHtmlText(emojiLabel(node));
    case 'date':
      return escapeHtmlText(dateLabel(node));
    case 'status':
      return escapeHtmlText(statusLabel(node));
    case 'inlineCard':
      return renderCard(node);
    case 'mediaInline':
    case 'media':
      return renderMedia(node);
    case 'inlineExtension':
      return escapeHtmlText(extensionLabel(node));
    case 'placeholder':
      return escapeHtmlText(placeholderLabel(node));
    default:
      // A block node in a paragraph, or a node type we do not know: its text, never its structure.
      return escapeLines(adfToPlainText(node));
  }
}
