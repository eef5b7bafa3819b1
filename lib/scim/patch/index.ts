export { applyUserPatch } from './user-patch';
export { planGroupPatch, MAX_MEMBER_VALUES } from './group-patch';
export { MAX_OPERATIONS } from './operations';
export type { GroupPatchPlan, MemberChanges, PatchOperation, ScimUserJson, UserPatchResult } from './types';
