import type { FieldValues, Resolver } from "react-hook-form";
import type { RequestOptions, ViolationLike } from "./index.js";

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

/** A validator the resolver runs: `validateRequest`, or a compiled `validate`. */
export type DeskValidate<TOptions> = (data: any, options?: TOptions) => readonly ViolationLike[];

/** What `useForm({ resolver })` takes: react-hook-form's own `Resolver`. */
export type DeskResolver<TValues extends FieldValues = FieldValues> = Resolver<TValues>;

/**
 * A react-hook-form resolver over any desk-schema validator
 * (`validateRequest`, or a compiled `validate`); `options` goes to it
 * (`locale`, `customerServiceAccounts`). The form's values type comes from
 * `useForm<T>` (or the type argument), not from the validator, which
 * takes any value. Given the values type alone (`deskResolver<Form>(...)`),
 * the options are `validateRequest`'s, which a compiled `validate` takes too
 * (it reads `locale`).
 */
export declare function deskResolver<
  TValues extends FieldValues = FieldValues,
  TOptions = RequestOptions,
>(validate: DeskValidate<TOptions>, options?: TOptions): DeskResolver<TValues>;

/** Violations as react-hook-form's nested field errors. */
export declare function toFieldErrors(violations: readonly ViolationLike[], all?: boolean): FieldErrors;
