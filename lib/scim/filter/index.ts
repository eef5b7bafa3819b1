export { compileGroupFilter, compileUserFilter, compileFilter } from './to-sql';
export { groupSortColumn, userSortColumn } from './sort';
export { parseFilter, parsePath, MAX_FILTER_DEPTH, MAX_FILTER_LENGTH } from './parser';
export { evaluateFilter } from './evaluate';
export type { AttrPath, CompareOp, FilterNode, FilterValue } from './ast';
