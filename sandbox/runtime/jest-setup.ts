// Installs the Forge runtime globals before any test file loads a Forge SDK (see installForgeGlobals).
import { installForgeGlobals } from './globals';

installForgeGlobals();
