/**
 * Vitest setup for every test file: fast-check failures print the seed and the shrink path, and a
 * failure can be replayed exactly with `FC_SEED=<seed> FC_PATH=<path> npx vitest run <file>`.
 *
 * fast-check already puts `{ seed, path }` in the message of a failed `fc.assert`; the reporter
 * below makes sure it also reaches the console when a test swallows or rewrites the message, and
 * the environment variables pin a run for replay.
 */
import fc from 'fast-check';

const seed = process.env.FC_SEED === undefined ? undefined : Number(process.env.FC_SEED);
const path = process.env.FC_PATH;

fc.configureGlobal({
  ...(seed === undefined || !Number.isInteger(seed) ? {} : { seed }),
  ...(path === undefined || path === '' ? {} : { path }),
  reporter(details) {
    if (!details.failed) return;
    const replay = `FC_SEED=${details.seed} FC_PATH=${details.counterexamplePath ?? ''}`;
    // The default report (seed, path, counterexample, the error) with the replay command in front.
    // fast-check 4 leaves the predicate's own error out of the report (it becomes the `cause`):
    // put its message in, so the first line of a failure says what went wrong.
    const failure =
      details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
    throw new Error(
      `fast-check property failed — replay with ${replay}\n${fc.defaultReportMessage(details)}\nGot error: ${failure}`,
      { cause: details.errorInstance },
    );
  },
});
