import type { Violation } from "./index.js";

/** One field's error, as react-hook-form reads it. */
export interface FieldError {
  /** The violation's code (`max_bytes`). */
  type: string;
  /** The violation's message, in the chosen language. */
  message: string;
  /** With `criteriaMode: "all"`: every code's message (several as an array). */
  types?: Record<string, string | string[]>;
}

/** Field errors nested as the form's values are (`errors.MemberList[1].Member_Account`). */
export type FieldErrors = { root?: FieldError; [field: string]: unknown };

/** What `useForm({ resolver })` calls. */
export type DeskResolver<TValues> = (
  values: TValues,
  context: unknown,
  options?: { criteriaMode?: "firstError" | "all" },
) => Promise<{ values: TValues; errors: {} } | { values: {}; errors: FieldErrors }>;

/**
 * A react-hook-form resolver over any desk-schema validator
 * (`validateRequest`, or a compiled `validate`); `options` goes to it
 * (`locale`, `customerServiceAccounts`).
 */
export declare function deskResolver<TValues, TOptions = { locale?: "en" | "zh-CN" }>(
  validate: (data: TValues, options?: TOptions) => Violation[],
  options?: TOptions,
): DeskResolver<TValues>;

/** Violations as react-hook-form's nested field errors. */
export declare function toFieldErrors(violations: readonly Violation[], all?: boolean): FieldErrors;
