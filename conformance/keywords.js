// The keywords as frontend teams get them: the npm package's addDeskKeywords,
// installed from npm/desk-schema (copied, not linked: `.npmrc` sets
// install-links, so the package finds this folder's Ajv, its peer
// dependency, as it would in an application).
module.exports = require("desk-schema/keywords");
