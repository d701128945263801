/** Azure AD (Entra ID) side of Konnect DCR: the admin application and the Microsoft Graph permission table. */
export { AzureDcrAdminApp, type AzureDcrAdminAppArgs } from "./dcrAdminApp";
export {
  DEFAULT_GRAPH_PERMISSION_PRESET,
  GRAPH_PERMISSIONS,
  GRAPH_PERMISSION_PRESETS,
  MICROSOFT_GRAPH_APP_ID,
  isGuid,
  resolveGraphPermissions,
  type GraphPermission,
  type GraphPermissionName,
  type GraphPermissionPreset,
  type GraphPermissionType,
} from "./graphPermissions";
export {
  DEFAULT_SECRET_LIFETIME_DAYS,
  DEFAULT_SECRET_ROTATION_DAYS,
  secretSchedule,
  type SecretSchedule,
  type SecretScheduleArgs,
  type SecretScheduleSettings,
} from "./secretSchedule";
export { adminConsentUrl, azureV1Issuer } from "./urls";
export { AzureDcrTestClient, type AzureDcrTestClientArgs } from "./testClientApp";
