// Imported first by entry scripts (npm start, benchmarks): the Forge SDKs capture the runtime globals when they load.
import { installForgeGlobals } from './globals';

installForgeGlobals();
