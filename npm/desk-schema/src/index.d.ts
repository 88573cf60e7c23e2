/**
 * The parts of an Ajv 8 error (`ErrorObject`) that `toViolations` reads;
 * declared here so that these types hold without Ajv installed.
 */
export interface AjvError {
  keyword: string;
  instancePath: string;
  schemaPath: string;
  params: Record<string, any>;
  propertyName?: string;
  message?: string;
  schema?: unknown;
  parentSchema?: object;
  data?: unknown;
}

/**
 * Every code a violation from this package can carry, in the order of
 * {@link CODES}: the Rust crate's `Kind::CODES`, then the create-group
 * request's and response's own rules. A public API, like the CLI's
 * `format_version`: a code is never renamed within one major version.
 */
export type Code =
  | "max_bytes" | "min_bytes" | "max_chars" | "min_chars" | "max_graphemes" | "min_graphemes"
  | "max_utf16" | "min_utf16" | "enum" | "charset" | "ascii" | "reserved_prefix" | "prefix"
  | "suffix" | "contains" | "format" | "pattern" | "range" | "max_items" | "min_items"
  | "duplicate" | "duplicate_key" | "syntax" | "unpaired_surrogate" | "type" | "required"
  | "unknown_field" | "customer_service_account" | "ordinary_member" | "max_member_count"
  | "inconsistent_response";

/**
 * A violation from anywhere, this package's functions that read violations
 * take: the CLI's `--format json`, or a Rust service's, whose own `custom`
 * rules may carry codes outside {@link Code}.
 */
export interface ViolationLike {
  /** Where: a JSON Pointer (`/MemberList/3/Member_Account`), `""` for the whole request. */
  path: string;
  /** Which rule: a stable snake_case code such as `max_bytes`. */
  code: string;
  /** A sentence with the figures, in the chosen locale, the same as the Rust crate's. */
  message: string;
  /**
   * The message in every locale, where it is its own words rather than the
   * code's written from the figures (a field's own `message(...)`, a
   * create_group rule's, a Rust `custom` rule's): what {@link localize}
   * reads it from. Absent otherwise.
   */
  messages?: Readonly<Record<Locale, string>>;
  /** The rule's figures (`limit`, `bytes`, `chars`, `allowed`, `first`, ...), by code. */
  [figure: string]: unknown;
}

/**
 * One broken rule at one place, as `desk-schema validate --format json`
 * prints it: what every validator of this package returns, its `code` one
 * of {@link CODES} (a `switch` over it can be exhaustive).
 */
export interface Violation extends ViolationLike {
  /** Which rule: one of {@link CODES}. */
  code: Code;
}

/** The language of the messages: English (the default) or Simplified Chinese. */
export type Locale = "en" | "zh-CN";

/**
 * A tag that names a {@link Locale}, as the CLI's `--lang` and the Rust
 * crate's `Locale::from_str` read one: `en-US` and `en-GB` are `"en"`;
 * `zh`, `zh_CN`, `zh-Hans`, `zh-Hans-CN`, `zh-SG`, `zh-Hans-SG`, `zh-MY` and
 * `zh-Hans-MY` are `"zh-CN"`. At run time any case and `_` for `-` are read
 * too; another tag (Traditional Chinese among them) throws a `TypeError`.
 */
export type LocaleTag =
  | Locale
  | "en-US"
  | "en-GB"
  | "zh"
  | "zh_CN"
  | "zh-Hans"
  | "zh-Hans-CN"
  | "zh-SG"
  | "zh-Hans-SG"
  | "zh-MY"
  | "zh-Hans-MY";

/** The locales of the messages. */
export declare const LOCALES: readonly Locale[];

/** Options of every `validate`. */
export interface ValidateOptions {
  /** The language of the messages (default `"en"`), as the CLI's `--lang`. */
  locale?: LocaleTag | undefined;
}

/** Options of {@link unrepresentable} and {@link violationsOf}. */
export interface ReadOptions extends ValidateOptions {
  /**
   * The type's JSON Schema, as the Rust crate writes it (or a compiled
   * module's `readSchema`): with it, only the values the Rust type reads are
   * looked at, as in Rust (a property the type does not have, or the inside
   * of an object where it wants a string, is dropped unread); without it,
   * every value is. {@link violationsOf} takes it from Ajv's
   * `ajvValidate.schema` when not given. A `$ref` to another document
   * (`other.json#/...`) is not followed: the value there is read whole.
   * What the package learns from a schema is kept for the schema object (as
   * Ajv compiles a schema once): change a schema after its first use and
   * the answers stay those of the schema as it was; pass a new object
   * (`structuredClone(schema)`) instead.
   */
  schema?: object | undefined;
}

/** Options of {@link validateRequest}. */
export interface RequestOptions extends ValidateOptions {
  /** The accounts that count as the customer service account (default `["@customer_service_account"]`). */
  customerServiceAccounts?: readonly string[] | undefined;
}

/**
 * Every code a violation from this package can carry: the Rust crate's
 * `Kind::CODES` and the create-group request's and response's own rules. A code outside it
 * never leaves the package: `toViolations` throws on a keyword desk-schema
 * does not emit.
 */
export declare const CODES: readonly Code[];

/**
 * Whether `code` is one of {@link CODES}: narrows a code read from JSON
 * (the CLI's, a Rust service's) to {@link Code}, where `CODES.includes`
 * takes only a `Code`.
 */
export declare function isCode(code: string): code is Code;

/** The customer service account that Tencent's Desk uses by default. */
export declare const DEFAULT_CUSTOMER_SERVICE_ACCOUNT: "@customer_service_account";

/**
 * Checks a create_group request body (parsed JSON, or a value as
 * `JSON.stringify` sends it: `undefined` properties absent, `toJSON`
 * called): every violation, `[]` when valid.
 */
export declare function validateRequest(data: unknown, options?: RequestOptions): Violation[];

/** Checks a create_group response body, read as `validateRequest` reads a request: every violation, `[]` when valid. */
export declare function validateResponse(data: unknown, options?: ValidateOptions): Violation[];

/**
 * The first value, in document order, that the Rust crate cannot read, as
 * the one violation it then reports, or `null`: a string or property name
 * with an unpaired UTF-16 surrogate (`unpaired_surrogate`), or a number past
 * any double, which `JSON.parse` reads as `Infinity` (`range`, no bounds).
 * Not a `NaN`, which no JSON text gives: `validateRequest`, `validateResponse`,
 * every compiled `validate` and {@link violationsOf} report each `NaN` the
 * type reads as a `range` violation at its place ("NaN is out of range"),
 * beside the others (run your own Ajv through `violationsOf` to get the
 * same; `toViolations` given its errors makes the errors Ajv gives at a
 * `NaN` that one violation, and cannot see one where Ajv gives none: a
 * value any JSON may be, such as a `serde_json::Value` field's, or a number
 * without bounds under Ajv's `strictNumbers: false`, which `strict: false`
 * sets). They call
 * it first; call it yourself before your own Ajv, with the schema in
 * `options.schema`, so that a value the Rust type never reads is not
 * reported. `data` is read as `JSON.stringify` sends it (`undefined`
 * properties absent, `toJSON` called). Throws a `TypeError` for an object
 * or array that holds itself, which is not JSON (as `JSON.stringify` throws).
 */
export declare function unrepresentable(data: unknown, options?: ReadOptions): Violation | null;

/** Groups violations by `path`, for messages under form fields. */
export declare function byPath<V extends ViolationLike>(violations: readonly V[]): Record<string, V[]>;

/** Options of {@link toViolations}. */
export interface ViolationOptions extends ValidateOptions {
  /**
   * The root JSON Schema the errors are from, as the Rust crate writes it
   * (or a compiled module's `readSchema`): with it, a `#[desk(skip)]` field
   * (`x-skip`) whose value is not its type is one `type` violation at the
   * field, as the Rust crate reports it, wherever inside it Ajv found the
   * fault; without it, each fault is reported where Ajv found it. As with
   * {@link ReadOptions.schema}, a schema is read once: do not change it
   * after its first use.
   */
  schema?: object | undefined;
}

/**
 * Ajv errors (compiled with `addDeskKeywords`, `allErrors: true` and
 * `verbose: true`) as desk-schema violations. The customer service accounts
 * are the schema's (`desk-schema schema request --customer-service-account ID`).
 */
export declare function toViolations(errors: readonly AjvError[] | null | undefined, options?: ViolationOptions): Violation[];

/**
 * `violations` in the order every layer gives them (the Rust crate's
 * `Report::sort`): by path, a parent first, indexes by number and names by
 * code point; then by code, in the order of `CODES`; then by the property
 * named, the message, and the figures (name by name: numbers by value, text
 * by code point). Sort English violations, as `validateRequest` does before
 * it localizes them: the Rust crate breaks a tie by the English message.
 */
export declare function sortViolations<V extends ViolationLike>(violations: readonly V[]): V[];

/**
 * `violations` with their messages in `locale` (English by default),
 * written from their figures. The figures an object does not show (the
 * create-group rules', a syntax error's reason in the CLI's JSON) are read
 * back from its message, in either language, so violations from the CLI's
 * JSON or a copy (`structuredClone`, `postMessage`) localize too; a message
 * no rule writes (a field's own) stays as it is. The CLI's mark for a
 * string it does not show (`<not shown: it may be a secret>`, a property's
 * name that may be a UserSig) comes back as the mark in `locale`, wherever
 * it stands (`message`, `property`).
 */
export declare function localize(violations: readonly Violation[], locale?: LocaleTag): Violation[];
export declare function localize(violations: readonly ViolationLike[], locale?: LocaleTag): ViolationLike[];

export type {
  DeskCreateGroupRequest as CreateGroupRequest,
  Member,
  MemberRole,
  CustomData,
  ApplyJoinOption,
  InviteJoinOption,
} from "../schemas/create_group.request.js";
export type { DeskCreateGroupResponse as CreateGroupResponse } from "../schemas/create_group.response.js";

/**
 * The violations of `data` under a standalone Ajv validator compiled with
 * the desk-schema keywords (`allErrors`, `verbose`, `ownProperties`): what
 * every validator `desk-schema compile` writes returns. `data` is read as
 * `JSON.stringify` sends it, as {@link validateRequest} reads it.
 */
export declare function violationsOf(
  ajvValidate: { (data: unknown): boolean; errors?: readonly AjvError[] | null; schema?: unknown },
  data: unknown,
  options?: ReadOptions,
): Violation[];
