/**
 * Jest's `testResultsProcessor`: when CI_JEST_RESULTS names a file, writes the run's results there as JSON (the
 * counts `jest --json` reports). CI (.ci/run) sets it so it can count the tests while running the README's
 * `npm ci && npm test` exactly as written, without adding `--json` to the command. Without the variable it does
 * nothing. Returns the results unchanged, as jest requires.
 */
const fs = require("node:fs");

module.exports = function ciResults(results) {
  const file = process.env.CI_JEST_RESULTS;
  if (file) {
    const {
      numTotalTests,
      numPassedTests,
      numFailedTests,
      numPendingTests,
      numTodoTests,
      numRuntimeErrorTestSuites,
      numTotalTestSuites,
      success,
    } = results;
    fs.writeFileSync(
      file,
      JSON.stringify({
        numTotalTests,
        numPassedTests,
        numFailedTests,
        numPendingTests,
        numTodoTests,
        numRuntimeErrorTestSuites,
        numTotalTestSuites,
        success,
      }),
    );
  }
  return results;
};
