// The registration frontend teams copy (see README, "JSON Schema files"):
// x-maxBytes / x-minBytes are the exact UTF-8 byte limits of the Desk API.
const encoder = new TextEncoder();

function addDeskKeywords(ajv) {
  ajv.addKeyword({
    keyword: "x-maxBytes",
    type: "string",
    schemaType: "number",
    validate: (limit, data) => encoder.encode(data).length <= limit,
  });
  ajv.addKeyword({
    keyword: "x-minBytes",
    type: "string",
    schemaType: "number",
    validate: (limit, data) => encoder.encode(data).length >= limit,
  });
  return ajv;
}

module.exports = { addDeskKeywords };
