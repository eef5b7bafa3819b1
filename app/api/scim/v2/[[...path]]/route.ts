import { scimRouteHandler } from '@/lib/scim-endpoint';

// Every SCIM verb goes to lib/scim; this file only names the exports Next.js looks for.
export const GET = scimRouteHandler;
export const POST = scimRouteHandler;
export const PUT = scimRouteHandler;
export const PATCH = scimRouteHandler;
export const DELETE = scimRouteHandler;
