// The registration frontend teams copy (README, "For frontend teams").
// x-maxBytes / x-minBytes are the Desk API's exact limits in UTF-8 bytes.
// The keywords are defined with `code`, so Ajv's standalone code generation
// can inline them.
const { _ } = require("ajv");

function addDeskKeywords(ajv) {
  ajv.addKeyword({
    keyword: "x-maxBytes",
    type: "string",
    schemaType: "number",
    code: (cxt) => cxt.fail(_`new TextEncoder().encode(${cxt.data}).length > ${cxt.schema}`),
  });
  ajv.addKeyword({
    keyword: "x-minBytes",
    type: "string",
    schemaType: "number",
    code: (cxt) => cxt.fail(_`new TextEncoder().encode(${cxt.data}).length < ${cxt.schema}`),
  });
  return ajv;
}

module.exports = { addDeskKeywords };
