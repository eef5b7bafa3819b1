import type { Operation } from './context';
import { ScimError } from './errors';
import { discoveryOperations } from './operations/discovery';
import { groupOperations } from './operations/groups';
import { rootSearchOperation } from './operations/root-search';
import { userOperations } from './operations/users';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type RouteMatch = { operation: Operation; id: string | undefined };

/**
 * (method, path) → operation. Resource names match case-insensitively; an unknown path is a
 * SCIM 404 (never routed to Groups by default: docs/architecture.md mistake 8).
 */
export function matchRoute(method: string, segments: string[]): RouteMatch {
  const [resource, id, extra] = segments;
  const name = resource?.toLowerCase();
  const m = method.toUpperCase() as Method;
  if (name === 'users' || name === 'groups') {
    const ops = name === 'users' ? userOperations : groupOperations;
    if (extra !== undefined) throw notFoundPath(segments);
    if (id === undefined) return pick({ GET: ops.list, POST: ops.create }, m, segments);
    if (id === '.search') return pick({ POST: ops.search }, m, segments);
    return { ...pick({ GET: ops.get, PUT: ops.replace, PATCH: ops.patch, DELETE: ops.remove }, m, segments), id };
  }
  // RFC 7644 §3.4.3: a search at the root covers every resource type.
  if (name === '.search' && id === undefined) return pick({ POST: rootSearchOperation }, m, segments);
  if (name === 'serviceproviderconfig' && id === undefined) return pick({ GET: discoveryOperations.serviceProviderConfig }, m, segments);
  if (name === 'resourcetypes' && extra === undefined) return { ...pick({ GET: discoveryOperations.resourceTypes }, m, segments), id };
  if (name === 'schemas' && extra === undefined) return { ...pick({ GET: discoveryOperations.schemas }, m, segments), id };
  if (name === 'bulk' || name === 'me') throw new ScimError(501, undefined, `/${resource} is not supported by Roster (see /ServiceProviderConfig)`);
  throw notFoundPath(segments);
}

function pick(table: Partial<Record<Method, Operation>>, method: Method, segments: string[]): RouteMatch {
  const operation = table[method];
  if (!operation) {
    throw new ScimError(405, undefined, `${method} is not allowed on /${segments.join('/')}`, { Allow: Object.keys(table).join(', ') });
  }
  return { operation, id: undefined };
}

function notFoundPath(segments: string[]): ScimError {
  return new ScimError(404, undefined, `No SCIM endpoint at /${segments.join('/').slice(0, 200)}: the base URL ends in /api/scim/v2`);
}
