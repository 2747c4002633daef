// "On this page": the editor's sections by their headings, beside the form, so a long settings page is one click from
// any section (issue 20). Read from the form itself, so a section added to the editor is listed without a second list
// to keep in step. Each entry scrolls its section into view and moves focus to its heading.
import Button from '@atlaskit/button/default/button';
import Heading from '@atlaskit/heading';
import { Box, Stack, xcss } from '@atlaskit/primitives';
import { useLayoutEffect, useState, type RefObject } from 'react';

interface SectionLink {
  id: string;
  title: string;
}

const navStyles = xcss({ paddingInline: 'space.100' });

/** The `<section aria-labelledby>` headings of the form (editor/section.tsx), in page order. */
function sectionsOf(form: HTMLElement | null): SectionLink[] {
  if (!form) return [];
  return [...form.querySelectorAll('section[aria-labelledby]')].flatMap((section) => {
    const id = section.getAttribute('aria-labelledby') ?? '';
    const heading = id === '' ? null : form.ownerDocument.getElementById(id);
    const title = heading?.textContent?.trim() ?? '';
    return title === '' ? [] : [{ id, title }];
  });
}

export function SectionNav({ form, version }: { form: RefObject<HTMLFormElement | null>; version: unknown }) {
  const [links, setLinks] = useState<SectionLink[]>([]);
  // Sections may appear once the instance is saved (e.g. push hints): read them again when it changes.
  useLayoutEffect(() => {
    setLinks(sectionsOf(form.current));
  }, [form, version]);

  if (links.length === 0) return null;
  const go = (id: string) => {
    const heading = form.current?.ownerDocument.getElementById(id);
    if (!heading) return;
    heading.scrollIntoView({ block: 'start' });
    heading.setAttribute('tabindex', '-1');
    heading.focus({ preventScroll: true });
  };
  return (
    <Box as="nav" aria-label="Sections of the settings" xcss={navStyles}>
      <Stack space="space.050">
        <Heading size="xxsmall" as="h3">
          On this page
        </Heading>
        <Stack as="ul" space="space.0">
          {links.map((link) => (
            <Box as="li" key={link.id}>
              <Button appearance="subtle" spacing="compact" onClick={() => go(link.id)}>
                {link.title}
              </Button>
            </Box>
          ))}
        </Stack>
      </Stack>
    </Box>
  );
}
