// wrap-ansi's default export, served by fast-wrap-ansi (the same wrapping, measured by
// fast-string-width: no grapheme segmenter or emoji regular expression built at start-up). The build
// and the tests resolve every ES import of 'wrap-ansi' here (scripts/build.mjs, vitest.config.ts).
import { wrapAnsi } from 'fast-wrap-ansi';

export default wrapAnsi;
