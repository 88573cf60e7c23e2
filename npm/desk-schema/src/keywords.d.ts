import type Ajv from "ajv";

/**
 * Registers the desk-schema keywords (`x-maxBytes`, `x-minBytes`,
 * `x-maxGraphemes`, `x-minGraphemes`, `x-uniqueBy`, `x-maxMemberCount`,
 * `x-typeRange`) on an Ajv 8 instance and returns it.
 */
export declare function addDeskKeywords<T extends Ajv>(ajv: T): T;
