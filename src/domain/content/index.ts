// Content conversion between Jira comments (ADF) and ticket actions (HTML), and the typed ADF builders
// other domain code uses to write comment bodies (attribution headers, status notes) without casting.
export type {
  AdfBlock,
  AdfBlockquote,
  AdfBulletList,
  AdfCellBlock,
  AdfCodeBlock,
  AdfDoc,
  AdfHardBreak,
  AdfHeading,
  AdfInline,
  AdfListItem,
  AdfMark,
  AdfNestedBlock,
  AdfNode,
  AdfOrderedList,
  AdfParagraph,
  AdfRule,
  AdfTable,
  AdfTableCell,
  AdfTableRow,
  AdfText,
  HeadingLevel,
  NonEmpty,
} from './adf';
export {
  code,
  doc,
  docOf,
  em,
  hardBreak,
  heading,
  headingOf,
  isEmptyParagraph,
  linkedText,
  paragraph,
  paragraphOf,
  strike,
  strong,
  text,
  underline,
} from './adf';
export { adfToHtml } from './adf-to-html';
export { adfToPlainText } from './adf-to-plain-text';
export { htmlToAdf, htmlToPlainText } from './html-to-adf';
export { JIRA_TEXT_LIMIT, splitAdfForComments, type PartHeader } from './split-adf';
