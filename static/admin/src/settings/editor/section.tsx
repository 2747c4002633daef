// What every settings section gets, and how it looks: a heading, a sentence on what the section is for, its fields.
import Heading from '@atlaskit/heading';
import { Box, Stack, Text, xcss } from '@atlaskit/primitives';
import type { ReactNode } from 'react';
import type { FieldIssue } from '../../../../shared/envelope';
import type { MappingOptions } from '../../api';
import type { InstanceDraft } from './draft';
import type { StaleIssues } from './issues';

export interface SectionProps {
  draft: InstanceDraft;
  /** applies a change and drops the messages it made stale */
  change: (patch: Partial<InstanceDraft>, stale: StaleIssues) => void;
  issues: readonly FieldIssue[];
  options: MappingOptions | undefined;
}

const sectionStyles = xcss({
  paddingBlock: 'space.300',
  borderBlockStartWidth: 'border.width',
  borderBlockStartStyle: 'solid',
  borderBlockStartColor: 'color.border',
});

export function Section({
  id,
  title,
  description,
  children,
}: {
  id: string;
  title: string;
  description: ReactNode;
  children: ReactNode;
}) {
  return (
    <Box as="section" xcss={sectionStyles} aria-labelledby={id}>
      <Stack space="space.200">
        <Stack space="space.050">
          <Heading size="small" as="h3" id={id}>
            {title}
          </Heading>
          <Text color="color.text.subtle">{description}</Text>
        </Stack>
        {children}
      </Stack>
    </Box>
  );
}

export function SubHeading({ children }: { children: ReactNode }) {
  return (
    <Heading size="xsmall" as="h4">
      {children}
    </Heading>
  );
}
