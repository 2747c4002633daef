// Entry point of the ticket HTML → Jira comment conversion, used for every action copied into Jira.
import { docOf, paragraph, type AdfDoc } from './adf';
import { trimBlankEdges } from './adf-fit';
import { adfToPlainText } from './adf-to-plain-text';
import { convertFlow, ROOT_CONTEXT } from './html-flow';
import { parseTicketHtml } from './html-source';

/**
 * Ticket action HTML → Jira comment body. Always returns a document valid against the ADF JSON schema,
 * whatever the input: unknown or dangerous markup is dropped or kept as text, never passed through.
 */
export function htmlToAdf(html: string): AdfDoc {
  const source = parseTicketHtml(html);
  const blocks =
    source.kind === 'markup'
      ? convertFlow(source.nodes, ROOT_CONTEXT)
      : source.lines.map((line) => paragraph(line));
  return docOf(trimBlankEdges(blocks));
}

/** The visible text of ticket HTML, read the same way `htmlToAdf` reads it. */
export function htmlToPlainText(html: string): string {
  return adfToPlainText(htmlToAdf(html));
}
