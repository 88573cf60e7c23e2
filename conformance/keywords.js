// The keyword registration, taken from README.md as written ("For frontend
// teams"), so the tests compile the schema with exactly what frontend teams
// copy. x-maxBytes / x-minBytes are the Desk API's exact UTF-8 byte limits;
// they are defined with `code`, so standalone code generation inlines them.
const fs = require("node:fs");
const path = require("node:path");

function readmeSnippet() {
  const readme = fs.readFileSync(path.join(__dirname, "..", "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("## For frontend teams"));
  const start = section.indexOf("```js\n");
  if (start < 0) throw new Error("README.md: no ```js block under \"For frontend teams\"");
  const body = section.slice(start + "```js\n".length);
  return body.slice(0, body.indexOf("```"));
}

const register = new Function("ajv", "require", readmeSnippet());

function addDeskKeywords(ajv) {
  register(ajv, require);
  return ajv;
}

module.exports = { addDeskKeywords, readmeSnippet };
