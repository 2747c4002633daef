// The design-token CSS that Jira loads into a Custom UI iframe once the app calls `view.theme.enable()`. The sandbox
// serves the same token themes from @atlaskit/tokens, so `token(...)` values resolve to the real palettes.
import { z } from 'zod';

/** The themes named by the bridge shim's `data-theme` attribute. */
const THEMES = [
  'atlassian-light',
  'atlassian-dark',
  'atlassian-shape',
  'atlassian-spacing',
  'atlassian-typography',
];

const themeModuleSchema = z.object({ default: z.string() });

let cached: string | undefined;

export function themeCss(): string {
  cached ??= THEMES.map((theme) => {
    // The token package ships each theme as a module exporting its CSS text.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const loaded: unknown = require(`@atlaskit/tokens/dist/cjs/artifacts/themes/${theme}.js`);
    return themeModuleSchema.parse(loaded).default;
  }).join('\n');
  return cached;
}
