// Stands in for @atlaskit/feature-gate-js-client in both Custom UI bundles (static/vite.shared.ts aliases the package
// and its subpaths here). Atlaskit components ask @atlaskit/platform-feature-flags for their flags, and it asks this
// client. The real client wraps Statsig's SDK, whose network code targets Atlassian hosts (api.atlassian.com/flags,
// xp.atlassian.com/v1/rgstr) that an app's Custom UI neither declares nor may reach under its content security policy
// (https://developer.atlassian.com/platform/forge/add-content-security-and-egress-controls/; the sandbox serves the
// same `connect-src 'self'`). Nothing in a Forge iframe initialises that client, so every flag is off already and each
// component family logs "Client must be initialized before using this method" (and "Multiple versions of
// FeatureGateClients found") as it first asks. This stand-in gives the same answers without the SDK: no warnings, no
// Statsig code or Atlassian flag hosts in the bundle. Only the default export is imported by the Atlaskit versions in
// package-lock.json; a named import would fail the build, which is how an upgrade that needs more shows up.

/** Every gate is closed, every experiment gives its default value: what an uninitialised client answers. */
const FeatureGates = {
  checkGate: (_gateName: string, _options?: unknown): boolean => false,
  getExperimentValue: <T>(_experiment: string, _parameter: string, defaultValue: T, _options?: unknown): T =>
    defaultValue,
  initializeCalled: (): boolean => false,
  initializeCompleted: (): boolean => false,
  isGateExists: (_gateName: string): boolean => false,
  isExperimentExists: (_experimentName: string): boolean => false,
};

export default FeatureGates;
