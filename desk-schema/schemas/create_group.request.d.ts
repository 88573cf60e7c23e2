/* Generated from create_group.request.schema.json by json-schema-to-typescript;
 * do not edit: run `npm run types` in conformance/. Byte limits (x-maxBytes)
 * are not types: validate with the schema too. */

/**
 * How requests to join the group are handled.
 */
export type ApplyJoinOption = "FreeAccess" | "NeedPermission" | "DisableApply";
/**
 * How invitations to join the group are handled.
 */
export type InviteJoinOption = "FreeAccess" | "NeedPermission" | "DisableInvite";
/**
 * The role of an initial member: the API accepts only `Admin`.
 */
export type MemberRole = "Admin";

/**
 * The body of a `v4/desk_http_svc/create_group` request.
 *
 * Rules across fields: the member list holds exactly one customer service account and at least one member that is not one (the page: "Currently only support creating a group with one customer service account ... at least one non-customer service account member"), and an owner that is a customer service account is the list's (the page: the owner "will be automatically added to the group members", so another would be a second: desk-schema's reading); no `Member_Account` or custom-data `Key` appears twice in one list; `MaxMemberCount`, when given, is not below the initial member count; group-level custom data values are at most 512 bytes.
 *
 * MaxMemberCount, when given, must not be below the initial member count (MemberList, plus Owner_Account when it is not in the list).
 */
export interface DeskCreateGroupRequest {
  /**
   * Group-level custom fields (optional): `Key` 1 to 16 bytes, unique in the list; `Value` at most 512 bytes (not on the page: Tencent Chat's SDK headers and its HarmonyOS `V2TIMSetGroupInfoParam` docs). Must be configured in the Chat console first. A unique `Key` is desk-schema's rule, not the page's: the page gives a repeated key no meaning (which value the server keeps is not documented).
   *
   * No two items may have the same `Key`.
   */
  AppDefinedData?:
    | (CustomData & {
        Value?: string;
      })[]
    | null;
  /**
   * Member-level custom fields (optional): `Key` 1 to 16 bytes (not on the page: Tencent Chat's SDK headers and its HarmonyOS `V2TIMSetGroupInfoParam` docs), unique in the list; no documented limit on `Value`.
   *
   * No two items may have the same `Key`.
   */
  AppMemberDefinedData?: CustomData[] | null;
  /**
   * How requests to join are handled (optional): `FreeAccess`, `NeedPermission` or `DisableApply`. The page: it takes effect only for a group that supports requests to join; for the default when it is left out, the page refers to "Differences in group joining methods".
   */
  ApplyJoinOption?: ApplyJoinOption | null;
  /**
   * Group avatar URL (optional): at most 500 bytes, as the page says.
   */
  FaceUrl?: string | null;
  /**
   * Custom group ID (required, the page): 1 to 48 bytes of printable ASCII, not starting with `@TGS#` (reserved for IDs the server assigns). The page gives no limits; these are Tencent Chat's (its SDK headers, `V2TIMManager+Group.h`, error 8501, and its Flutter `V2TimGroupInfo` docs).
   */
  GroupId: string;
  /**
   * Group introduction (optional): at most 400 bytes of UTF-8, as the page says.
   */
  Introduction?: string | null;
  /**
   * How invitations to join are handled (optional): `FreeAccess`, `NeedPermission` or `DisableInvite` (the page).
   */
  InviteJoinOption?: InviteJoinOption | null;
  /**
   * Maximum number of members (optional): at least 1 and not below the initial member count (not on the page: Tencent Chat's group limits, trtc.io document 33529). The page: it defaults to the plan's limit (20 on the trial edition). After upgrading the plan, raise it by modifying the group's basic information. The page sets no upper bound; `u32` is the type's.
   */
  MaxMemberCount?: number | null;
  /**
   * Initial members (required, as the page's table says; its sample's comment says optional): 1 to 100 (the page), no account twice, exactly one customer service account and at least one other member. No account twice is desk-schema's rule, not the page's: the page gives a repeated member no meaning.
   *
   * No two items may have the same `Member_Account`.
   *
   * At least one member (`minItems: 1`); validateRequest checks it, with every other rule.
   *
   * @maxItems 100
   */
  MemberList: Member[];
  /**
   * Group name (required): at most 100 bytes of UTF-8 (a Chinese character is 3 bytes), as the page says, and not empty (at least 1 byte: the page requires a name, and gives no lower limit).
   */
  Name: string;
  /**
   * Group notice (optional): at most 400 bytes of UTF-8, as the page says.
   */
  Notification?: string | null;
  /**
   * Group owner's UserID (optional; the page: an imported account): 1 to 32 bytes of printable ASCII, a Chat UserID's limits (not on the page: Tencent Chat's UserID rules, trtc.io document 34348, error 7003). Added to the members automatically; without it (the page's "left empty") the group has no owner, while `""` is no UserID and is refused.
   */
  Owner_Account?: string | null;
  /**
   * Group type (required): `Public` or `Private`; no other type is allowed on this API (the page).
   */
  Type: "Public" | "Private";
}
/**
 * A custom field: `{"Key": ..., "Value": ...}`, in `AppDefinedData` and `AppMemberDefinedData`.
 */
export interface CustomData {
  /**
   * The field's key (required): 1 to 16 bytes of UTF-8 (not on the page: Tencent Chat's SDK headers and its HarmonyOS `V2TIMSetGroupInfoParam` docs).
   */
  Key: string;
  /**
   * The field's value (required): at most 512 bytes in `AppDefinedData` (not on the page: Tencent Chat's SDK headers and its HarmonyOS `V2TIMSetGroupInfoParam` docs); no documented limit for members.
   */
  Value: string;
}
/**
 * A group member in `MemberList`.
 */
export interface Member {
  /**
   * Member-level custom fields (optional): `Key` 1 to 16 bytes (not on the page: Tencent Chat's SDK headers and its HarmonyOS `V2TIMSetGroupInfoParam` docs), unique in the list; no documented limit on `Value`.
   *
   * No two items may have the same `Key`.
   */
  AppMemberDefinedData?: CustomData[] | null;
  /**
   * The member's UserID (required): 1 to 32 bytes of printable ASCII, a Chat UserID's limits (not on the page: Tencent Chat's UserID rules, trtc.io document 34348, error 7003).
   */
  Member_Account: string;
  /**
   * The member's role (optional): only `Admin` (the page's sample request).
   */
  Role?: MemberRole | null;
}
