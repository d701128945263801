#!/usr/bin/env node
// Counts one jest run for CI: prints "passed failed" on one line, and on stderr why anything counted as failed.
//
//   node .ci/jestCounts.js <results.json> [jest output log]
//
// <results.json> holds jest's counts (`jest --json`, or tests/support/ciResults.js when CI_JEST_RESULTS is set).
// Failed = failed tests + test files that could not run, plus one when no test ran at all, one when the results file
// is missing or empty (jest did not get to the end), and one when the log holds jest's own words for a process kept
// alive by an open handle (a timer, socket, server or child process).
// Plain Node, no dependencies: it runs before and after anything is installed.
"use strict";
const fs = require("node:fs");

/** Jest's own words for a worker or a run that did not exit by itself. */
const LEAK_PATTERN =
  /A worker process has failed to exit gracefully|Jest did not exit one second after the test run has completed/;

/** `{ passed, failed, notes }` from the results' JSON text (undefined or "" when jest wrote none) and the log's text. */
function jestCounts(resultsText, logText) {
  const notes = [];
  let passed = 0;
  let failed = 0;
  if (!resultsText || resultsText.trim() === "") {
    notes.push("jest wrote no results");
    failed += 1;
  } else {
    const r = JSON.parse(resultsText);
    passed = r.numPassedTests;
    failed += r.numFailedTests + r.numRuntimeErrorTestSuites;
    if (r.numRuntimeErrorTestSuites) notes.push(`${r.numRuntimeErrorTestSuites} test file(s) could not run`);
    if (r.numTotalTests === 0) {
      notes.push("no test ran");
      failed += 1;
    }
    const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
    if (skipped) notes.push(`${skipped} skipped`);
  }
  const leak = LEAK_PATTERN.exec(logText ?? "");
  if (leak) {
    notes.push(`jest reported a process that did not exit by itself (an open handle): ${leak[0]}`);
    failed += 1;
  }
  return { passed, failed, notes };
}

module.exports = { jestCounts, LEAK_PATTERN };

if (require.main === module) {
  const [resultsFile, logFile] = process.argv.slice(2);
  const read = (file) => (file && fs.existsSync(file) ? fs.readFileSync(file, "utf8") : undefined);
  let counts;
  try {
    counts = jestCounts(read(resultsFile), read(logFile));
  } catch (error) {
    counts = { passed: 0, failed: 1, notes: [`unreadable jest results ${resultsFile}: ${error.message}`] };
  }
  for (const note of counts.notes) process.stderr.write(`${note}\n`);
  process.stdout.write(`${counts.passed} ${counts.failed}\n`);
}
