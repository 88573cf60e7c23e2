/** UTF-8 length in bytes. */
export declare function utf8Length(s: string): number;
/** Length in Unicode scalar values. */
export declare function charCount(s: string): number;
/** Length in UTF-16 code units: JavaScript's own `.length`. */
export declare function utf16Length(s: string): number;
/** Extended grapheme clusters, by Intl.Segmenter. */
export declare function graphemeCount(s: string): number;
/** Whether `object` has `key` as its own property (`Object.hasOwn`, for browsers without it). */
export declare function hasOwn(object: object, key: PropertyKey): boolean;
/** `data[name]` when `data` is an object (not an array) with that own property, else `undefined`. */
export declare function ownProperty(data: unknown, name: PropertyKey): unknown;
/** JSON text two values share exactly when they are equal as JSON (properties sorted); `null` for a value holding a NaN. */
export declare function canonical(value: unknown): string | null;
/** `[index, first]` for every item whose `key` repeats an earlier item's. */
export declare function repeatsBy(items: readonly unknown[], key: string): Array<[number, number]>;
/** Every item equal (as JSON) to an earlier one, as `[index, first]`: `uniqueItems`, each repeat reported. */
export declare function repeats(items: readonly unknown[]): Array<[number, number]>;
/** `x-maxMemberCount`: null when the rule holds, else the figures. */
export declare function memberShortfall(
  object: Record<string, unknown>,
  rule: { max: string; members: string; account: string; owner: string },
): { max: number; initial: number; owner: boolean } | null;
/** The format rules' formats (ajv-formats' "full" definitions), by JSON Schema's name. */
export declare const formats: Record<"date" | "date-time" | "email" | "ipv4" | "ipv6" | "uri" | "uuid", (s: string) => boolean>;

/** Whether two JSON values are equal (Ajv's `uniqueItems` over objects and arrays). */
export declare function deepEqual(a: unknown, b: unknown): boolean;

/** The formats as Ajv holds them (`{type, validate}`), for standalone code. */
export declare const formatDefinitions: Readonly<Record<string, { type: "string"; validate: (s: string) => boolean }>>;
