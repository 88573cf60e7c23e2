// desk-schema for frontends: the create_group rules, checked with precompiled
// validators (no Ajv compile, no eval: safe under a strict Content Security
// Policy), reported as the same violations as the Rust crate and its CLI
// (`desk-schema validate --format json`): {path, code, message, ...figures}.
import { ajvValidate as requestValidator, readSchema as requestReads } from "./generated/create_group.request.js";
import { ajvValidate as responseValidator, readSchema as responseReads } from "./generated/create_group.response.js";
import { ownProperty } from "./runtime.js";
import { checkedWith, isMemberRuleError, localizeMade, memberRules, optionsOf, sortViolations, unsortedViolations, violationsOf } from "./violations.js";

export { CODES, LOCALES, isCode, localize, sortViolations, toViolations, unrepresentable, violationsOf } from "./violations.js";

/** The customer service account that Tencent's Desk uses by default. */
export const DEFAULT_CUSTOMER_SERVICE_ACCOUNT = "@customer_service_account";

/**
 * Checks a create_group request body (parsed JSON). Returns every violation,
 * `[]` when the request is valid. `options.customerServiceAccounts` lists the
 * accounts that count as the customer service account (default
 * `["@customer_service_account"]`), as the CLI's `--customer-service-account`;
 * `options.locale` the language of the messages, `"en"` (the default) or
 * `"zh-CN"`, as the CLI's `--lang`.
 */
export function validateRequest(data, options) {
  // `null` reads as no options, as `undefined` does; a string is refused.
  options = optionsOf(options);
  const accounts = options.customerServiceAccounts ?? [DEFAULT_CUSTOMER_SERVICE_ACCOUNT];
  if (!Array.isArray(accounts) || !accounts.every((a) => typeof a === "string")) {
    throw new TypeError("customerServiceAccounts must be an array of strings");
  }
  return checkedWith(data, { locale: options.locale, schema: requestReads }, (keep, data) => {
    // The precompiled member-list rule holds the default account: it is
    // checked here instead, with the accounts given.
    const others = requestValidator(data)
      ? []
      : unsortedViolations(requestValidator.errors.filter((e) => keep(e) && !isMemberRuleError(e)));
    const owner = { value: ownProperty(data, "Owner_Account"), path: "/Owner_Account" };
    const members = memberRules(ownProperty(data, "MemberList"), "/MemberList", accounts, "Member_Account", owner);
    return localizeMade(sortViolations([...others, ...members]), options.locale);
  });
}

/** Checks a create_group response body (parsed JSON); `options.locale` as for `validateRequest`. */
export function validateResponse(data, options) {
  return violationsOf(responseValidator, data, { ...optionsOf(options), schema: responseReads });
}

/**
 * Groups violations by field path, for forms: `{"/Name": [violation, ...]}`.
 * `""` holds the violations of the whole request.
 */
export function byPath(violations) {
  const groups = {};
  for (const v of violations) (groups[v.path] ??= []).push(v);
  return groups;
}
