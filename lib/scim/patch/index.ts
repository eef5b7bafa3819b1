export { applyUserPatch } from './user-patch';
export { planGroupPatch } from './group-patch';
export type { MemberChanges } from './types';
