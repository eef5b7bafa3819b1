import 'server-only';

/**
 * The app's database for pages, actions and routes. app/ never imports db/ directly (ESLint
 * enforces it, ../shared/STYLE.md): what it may do with the database goes through lib/.
 */
export { getDb } from '@/db/client';
