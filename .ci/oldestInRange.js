/**
 * Prints the oldest published version of a package inside the range package.json declares for it in
 * peerDependencies: `node .ci/oldestInRange.js @pulumi/pulumi package.json`. Versions come from the registry
 * (`npm view <pkg> versions`); ranges are matched with the semver package installed with the project.
 */
const { execFileSync } = require("node:child_process");
const path = require("node:path");

const [name, manifestPath] = process.argv.slice(2);
if (!name || !manifestPath) {
  console.error("usage: node .ci/oldestInRange.js <package> <package.json>");
  process.exit(2);
}
const manifest = require(path.resolve(manifestPath));
const range = manifest.peerDependencies?.[name];
if (!range) {
  console.error(`${name} is not in peerDependencies of ${manifestPath}`);
  process.exit(2);
}
const semver = require(require.resolve("semver", { paths: [path.dirname(path.resolve(manifestPath))] }));
const published = JSON.parse(execFileSync("npm", ["view", name, "versions", "--json"], { encoding: "utf8" }));
const oldest = semver.minSatisfying([].concat(published), range);
if (!oldest) {
  console.error(`no published version of ${name} satisfies ${range}`);
  process.exit(1);
}
console.log(oldest);
