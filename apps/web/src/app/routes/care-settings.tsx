/** Care settings screens (managers, admins), loaded on demand. Filled in by the care-settings work. */
export function RoutingRulesRoute() {
  return null;
}
export function SlaRoute() {
  return null;
}
export function TagsRoute() {
  return null;
}
export function CannedResponsesRoute() {
  return null;
}
export function WorkloadRoute() {
  return null;
}
