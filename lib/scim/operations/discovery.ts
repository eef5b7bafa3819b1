import type { AnyScimContext, Operation, OperationResult } from '../context';
import { notFound } from '../errors';
import { listResponse } from '../resources/list-response';
import { resourceTypeById, resourceTypes } from '../discovery/resource-types';
import { schemaById, schemas } from '../discovery/schemas';
import { serviceProviderConfig } from '../discovery/service-provider-config';

/** A discovery document read: the whole list as a ListResponse, or one item by id (else 404). */
function listOrOne<T>(noun: string, all: (baseUrl: string) => T[], byId: (id: string, baseUrl: string) => T | undefined): Operation {
  return {
    action: 'scim.discovery.read',
    resourceType: null,
    needsBody: false,
    commit: 'read',
    run: async (ctx: AnyScimContext): Promise<OperationResult> => {
      if (ctx.id === undefined) {
        const items = all(ctx.baseUrl);
        return { status: 200, body: listResponse(items, items.length, 1, items.length) };
      }
      const one = byId(ctx.id, ctx.baseUrl);
      if (!one) throw notFound(`No ${noun} ${ctx.id.slice(0, 200)}`);
      return { status: 200, body: one };
    },
  };
}

/** The discovery documents are built once; only meta.location depends on the base URL. */
export const discoveryOperations = {
  serviceProviderConfig: {
    action: 'scim.discovery.read',
    resourceType: null,
    needsBody: false,
    commit: 'read',
    run: async (ctx) => ({ status: 200, body: serviceProviderConfig(ctx.baseUrl) }),
  },
  resourceTypes: listOrOne('resource type', resourceTypes, resourceTypeById),
  schemas: listOrOne('schema', schemas, schemaById),
} satisfies Record<string, Operation>;
