// Starts a Custom UI app: theming first (so the first paint already has the user's colour mode), then React.
import '@atlaskit/css-reset';
import { view } from '@forge/bridge';
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';

export async function mountApp(app: ReactNode): Promise<void> {
  try {
    await view.theme.enable();
  } catch (cause) {
    // Without theming the design tokens fall back to the light palette: still usable, so keep going.
    console.warn('Could not enable theming', cause);
  }
  const container = document.getElementById('root');
  if (!container) throw new Error('index.html has no #root element');
  createRoot(container).render(<StrictMode>{app}</StrictMode>);
}
