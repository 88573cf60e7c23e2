// Ajv's run-time compile path, for comparison: under `script-src 'self'`
// without 'unsafe-eval' the browser refuses the code Ajv generates.
import Ajv2020 from "ajv/dist/2020.js";
import { addDeskKeywords } from "../src/keywords.js";
import schema from "../schemas/create_group.request.schema.json";

const out = document.getElementById("runtime-compile");
try {
  addDeskKeywords(new Ajv2020({ allErrors: true, verbose: true, ownProperties: true, allowUnionTypes: true, logger: false })).compile(schema);
  out.textContent = "compiled (the policy allows eval)";
} catch (e) {
  out.textContent = `blocked: ${e.name}: ${e.message}`;
}
