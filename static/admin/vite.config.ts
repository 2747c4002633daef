import { customUiConfig } from '../vite.shared';

export default customUiConfig(import.meta.dirname);
