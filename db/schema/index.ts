export * from './organizations';
export * from './accounts';
export * from './members';
export * from './groups';
export * from './group-members';
export * from './scim-tokens';
export * from './audit-events';
export * from './rate-limits';
