#!/usr/bin/env node
// Prints the command lines of the README's "Fresh machine" block, one per line, exactly as written there (a trailing
// `# comment` included: bash ignores it, and what CI runs is then character for character what a user pastes).
//
//   node .ci/freshMachine.js [README.md]
//
// CI (.ci/run) runs these lines as its first two steps, so the README's commands and what CI runs cannot differ.
// Exits 1 with a reason when the block is missing or does not hold exactly two commands: one running the demo
// (`npm run demo`) and then one running the tests (`npm test`), the two steps CI counts.
// Plain Node, no dependencies: it runs before anything is installed.
"use strict";
const fs = require("node:fs");
const path = require("node:path");

/** The command lines of the first sh block after the "## Fresh machine" heading of `markdown`. */
function freshMachineCommands(markdown) {
  const lines = markdown.split(/\r?\n/);
  const heading = lines.findIndex((line) => /^##\s+Fresh machine\s*$/.test(line));
  if (heading < 0) throw new Error('no "## Fresh machine" heading');
  const open = lines.findIndex((line, i) => i > heading && /^```(sh|bash|shell)\s*$/.test(line));
  const nextHeading = lines.findIndex((line, i) => i > heading && /^#{1,2}\s/.test(line));
  if (open < 0 || (nextHeading >= 0 && open > nextHeading)) throw new Error('no ```sh block under "## Fresh machine"');
  const close = lines.findIndex((line, i) => i > open && /^```\s*$/.test(line));
  if (close < 0) throw new Error('the ```sh block under "## Fresh machine" is not closed');
  return lines.slice(open + 1, close).filter((line) => line.trim() !== "" && !/^\s*#/.test(line));
}

/** The command of a line without its trailing comment. */
function commandPart(line) {
  return line.replace(/\s+#.*$/, "").trim();
}

/** Why the commands are not the two steps CI counts, or undefined. */
function shapeProblem(commands) {
  if (commands.length !== 2) return `expected 2 commands in the block, found ${commands.length}`;
  if (!/(^|&&\s*)npm run demo$/.test(commandPart(commands[0]))) return "the first command must end with `npm run demo`";
  if (!/(^|&&\s*)npm test$/.test(commandPart(commands[1]))) return "the second command must end with `npm test`";
  return undefined;
}

module.exports = { freshMachineCommands, commandPart, shapeProblem };

if (require.main === module) {
  const readme = process.argv[2] ?? path.join(__dirname, "..", "README.md");
  try {
    const commands = freshMachineCommands(fs.readFileSync(readme, "utf8"));
    const problem = shapeProblem(commands);
    if (problem) throw new Error(problem);
    process.stdout.write(commands.map((line) => `${line}\n`).join(""));
  } catch (error) {
    process.stderr.write(`${readme}, "Fresh machine" block: ${error.message}\n`);
    process.exit(1);
  }
}
