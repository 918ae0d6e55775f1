/**
 * Advice on a story that is valid but will read badly: not problems (the build goes on), but what
 * `npm run check` and the build tell the reporter before an editor finds it on a phone.
 */
/**
 * The longest a step's text should be, in words. A card is drawn over the map on a phone and in a
 * small embed; past this, at 375×600 the card covers most of the map and the step's places end up
 * under it (seen in the framing test: 50–60-word steps failed there, 40-word ones passed).
 */
export const STEP_WORDS = 45;

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** The starter story's placeholders (src/build/new-story.ts): "Replace this title", "Replace with …". */
const PLACEHOLDER = /\bReplace (this|with)\b/;

/**
 * A line of advice for each step whose text is longer than `STEP_WORDS`, and one if the starter's
 * placeholder text is still there (the check passes it: it is valid, but not yet a story).
 */
export function storyAdvice(story: { steps: readonly { id: string; text: string }[] }): string[] {
  const placeholders = PLACEHOLDER.test(JSON.stringify(story))
    ? ['still holds the starter\'s "Replace …" text: the build would publish it as it is']
    : [];
  return placeholders.concat(longSteps(story));
}

function longSteps(story: { steps: readonly { id: string; text: string }[] }): string[] {
  return story.steps
    .filter((step) => words(step.text) > STEP_WORDS)
    .map(
      (step) =>
        `step "${step.id}" has ${words(step.text)} words: on a phone or in a small embed its card would ` +
        `cover most of the map; keep a step to ${STEP_WORDS} words or fewer`,
    );
}
