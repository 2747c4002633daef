// The issue panel's resource serves two views: the panel itself, and the unlink confirmation when Jira opens this
// resource as a page-level modal (unlink-modal.ts), which its context tells.
import { mountApp } from '../../shared/mount';
import { App } from './App';
import { UnlinkConfirmation } from './components/UnlinkConfirmation';
import { unlinkModalContext } from './unlink-modal';

async function start(): Promise<void> {
  const modal = await unlinkModalContext().catch((cause: unknown) => {
    console.error('getContext failed', cause);
    return undefined;
  });
  await mountApp(modal ? <UnlinkConfirmation unlink={modal.unlink} /> : <App />);
}

void start();
