export { compileGroupFilter, compileUserFilter, compileFilter } from './to-sql';
export { parseFilter, parsePath } from './parser';
