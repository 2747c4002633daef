// Vite build of the admin page's Custom UI (the settings shared with the issue panel are in ../vite.shared.ts).
import { customUiConfig } from '../vite.shared';

export default customUiConfig(import.meta.dirname);
