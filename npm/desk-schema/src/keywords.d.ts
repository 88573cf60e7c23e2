/**
 * What `addDeskKeywords` uses of an Ajv 8 instance (`ajv`, `ajv/dist/2019`
 * or `ajv/dist/2020`): written out rather than imported from `ajv`, whose
 * default export a TypeScript ES module under `node16`/`nodenext` cannot
 * name as a type (Ajv is CommonJS). At run time it must be an instance of
 * the `ajv` package desk-schema resolves (its classes, or a subclass): any
 * other object is refused with a `TypeError`.
 */
export interface AjvLike {
  addKeyword(definition: any): unknown;
  addFormat(name: string, format: any): unknown;
}

/**
 * Registers the desk-schema keywords (`x-maxBytes`, `x-minBytes`,
 * `x-maxChars`, `x-minChars`, `x-maxGraphemes`, `x-minGraphemes`,
 * `x-maxUtf16`, `x-minUtf16`, `x-uniqueBy`, `x-maxMemberCount`,
 * `x-typeRange`, and the annotations the README lists) and the formats of
 * the format rules on an Ajv 8 instance, and returns it.
 *
 * @throws {TypeError} when `ajv` comes from another copy of the `ajv`
 * package than the one desk-schema resolves (`npm link`, a directory
 * install, two Ajv versions): the keywords' code would not be read as code.
 */
export declare function addDeskKeywords<T extends AjvLike>(ajv: T): T;
