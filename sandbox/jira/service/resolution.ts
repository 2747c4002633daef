// The one resolution the emulator knows: Jira's default "Done" (id 10000), set by default workflows when an issue
// enters a done-category status (service/transitions.ts) and rendered as the issue's `resolution` field.
export const DONE_RESOLUTION = {
  id: '10000',
  name: 'Done',
  description: 'Work has been completed on this issue.',
};
