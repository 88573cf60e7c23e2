/* Generated from create_group.response.schema.json by json-schema-to-typescript;
 * do not edit: run `npm run types` in conformance/. Byte limits (x-maxBytes)
 * are not types: validate with the schema too. */

/**
 * The body of a `create_group` response.
 *
 * A response whose fields contradict each other is an `inconsistent_response` violation, at the root.
 *
 * ActionStatus, ErrorCode and GroupId must agree: OK with ErrorCode 0 and a GroupId that is not empty, or FAIL with an ErrorCode that is not 0.
 */
export interface DeskCreateGroupResponse {
  /**
   * `OK` on success, `FAIL` on failure.
   */
  ActionStatus: "OK" | "FAIL";
  /**
   * 0 on success, an error code otherwise.
   */
  ErrorCode: number;
  /**
   * Error message (empty on success). Absent or `null` is `None`, as for every optional field: the page calls it the error message alone, and a server that writes `null` for it has still answered.
   */
  ErrorInfo?: string | null;
  /**
   * The ID of the created group (on success).
   */
  GroupId?: string | null;
}
