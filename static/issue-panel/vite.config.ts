// Vite build of the issue panel's Custom UI (the settings shared with the admin page are in ../vite.shared.ts).
import { customUiConfig } from '../vite.shared';

export default customUiConfig(import.meta.dirname);
