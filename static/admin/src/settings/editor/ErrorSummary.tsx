// After a refused save: every problem the backend found, each a button that moves focus to its field. The summary
// takes focus itself, so keyboard and screen-reader users learn at once that nothing was saved.
import { Pressable, xcss } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import { forwardRef } from 'react';
import type { FieldIssue } from '../../../../shared/envelope';
import { describePath, focusTargetFor } from './issues';

const linkStyles = xcss({
  backgroundColor: 'color.background.neutral.subtle',
  color: 'color.link',
  padding: 'space.0',
  textDecoration: 'underline',
  ':hover': { color: 'color.link.pressed' },
});

export const ErrorSummary = forwardRef<HTMLDivElement, { issues: readonly FieldIssue[] }>(
  function ErrorSummary({ issues }, ref) {
    const count = issues.length === 1 ? '1 problem' : `${issues.length} problems`;
    return (
      <div ref={ref} tabIndex={-1} data-testid="error-summary">
        <SectionMessage appearance="error" title={`Nothing was saved: fix ${count}`}>
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {issues.map((issue) => (
              <li key={`${issue.path}:${issue.message}`}>
                <Pressable xcss={linkStyles} onClick={() => focusTargetFor(issue.path)?.focus()}>
                  {describePath(issue.path)}
                </Pressable>
                : {issue.message}
              </li>
            ))}
          </ul>
        </SectionMessage>
      </div>
    );
  },
);
