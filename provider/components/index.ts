/** Components that compose the Azure side and the Konnect resources. */
export {
  AzureKonnectDcr,
  DEFAULT_AUTH_METHODS,
  DEFAULT_AUTH_STRATEGY_DISPLAY_NAME,
  DEFAULT_CREDENTIAL_CLAIM,
  DEFAULT_SCOPES,
  type AzureKonnectDcrArgs,
  type ExistingAzureApplication,
} from "./azureKonnectDcr";
export { portalDefaultChildName, publicationChildName, type AzureKonnectDcrPublication } from "./devPortal";
export { DEFAULT_KONNECT_LABELS, konnectLabels } from "./labels";
export {
  testRegistrationChildName,
  type AzureKonnectDcrTestApplication,
  type TestApplicationDeveloperOwner,
  type TestApplicationOwner,
  type TestApplicationTeamOwner,
} from "./testApplicationPlan";
