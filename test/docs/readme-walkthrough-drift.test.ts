// The browser walk of the README (test/e2e/readme-walkthrough.ts) fails as soon as the README and the walk disagree:
// a word the walk uses that the step no longer says, a step the walk does not take, or one it takes that is gone.
import { readFileSync } from 'node:fs';
import { README_PATH, walkthroughSteps } from '../../sandbox/web/console/readme-walkthrough';
import { assertWalkCovers, ReadmeDrift, ReadmeStep, readmeSteps } from '../e2e/readme-walkthrough';

const step = new ReadmeStep({
  number: 3,
  markdown:
    'Type a comment in **Add a comment** and press **Save comment**. Open ' +
    '[ticket #5](http://127.0.0.1:4020/teamsupport/tickets/5) or [the docs](https://example.com/).',
});

it('lends the walk only the words, bold names and sandbox links the step has', () => {
  expect(step.says('press Save comment')).toBe('press Save comment');
  expect(step.bold('Save comment')).toBe('Save comment');
  expect(step.link('ticket #5')).toBe('/teamsupport/tickets/5');
  expect(() => step.says('Delete')).toThrow(ReadmeDrift);
  expect(() => step.says('Delete')).toThrow(
    /^README step 3 does not say "Delete". It reads: "Type a comment/,
  );
  expect(() => step.bold('Save')).toThrow(/^README step 3 has no \*\*Save\*\*/);
  expect(() => step.bold('ticket #5')).toThrow(ReadmeDrift);
  expect(() => step.link('the docs')).toThrow(/has no link "the docs" to a sandbox page/);
});

it("covers the README's steps one for one, and says which step is missing or gone", () => {
  const steps = readmeSteps();
  expect(() => assertWalkCovers(steps)).not.toThrow();
  const markdown = readFileSync(README_PATH, 'utf8');
  const extra = [
    ...walkthroughSteps(markdown).map((each) => new ReadmeStep(each)),
    new ReadmeStep({ number: steps.length + 1, markdown: 'Press **Export**.' }),
  ];
  expect(() => assertWalkCovers(extra)).toThrow(
    `README step ${steps.length + 1} is not taken by the walk: "Press Export."`,
  );
  expect(() => assertWalkCovers(steps.slice(0, -1))).toThrow(
    `The walk takes step ${steps.length}, which the README no longer has`,
  );
});
