import type { Operation } from '../context';
import { notFound } from '../errors';
import { listResponse } from '../resources/list-response';
import { resourceTypeById, resourceTypes } from '../discovery/resource-types';
import { schemaById, schemas } from '../discovery/schemas';
import { serviceProviderConfig } from '../discovery/service-provider-config';

/** The discovery documents are built once; only meta.location depends on the base URL. */
export const discoveryOperations = {
  serviceProviderConfig: {
    action: 'scim.discovery.read',
    resourceType: null,
    needsBody: false,
    readOnly: true,
    run: async (ctx) => ({ status: 200, body: serviceProviderConfig(ctx.baseUrl) }),
  },
  resourceTypes: {
    action: 'scim.discovery.read',
    resourceType: null,
    needsBody: false,
    readOnly: true,
    run: async (ctx) => {
      if (ctx.id === undefined) {
        const all = resourceTypes(ctx.baseUrl);
        return { status: 200, body: listResponse(all, all.length, 1, all.length) };
      }
      const one = resourceTypeById(ctx.id, ctx.baseUrl);
      if (!one) throw notFound(`No resource type ${ctx.id.slice(0, 100)}`);
      return { status: 200, body: one };
    },
  },
  schemas: {
    action: 'scim.discovery.read',
    resourceType: null,
    needsBody: false,
    readOnly: true,
    run: async (ctx) => {
      if (ctx.id === undefined) {
        const all = schemas(ctx.baseUrl);
        return { status: 200, body: listResponse(all, all.length, 1, all.length) };
      }
      const one = schemaById(ctx.id, ctx.baseUrl);
      if (!one) throw notFound(`No schema ${ctx.id.slice(0, 200)}`);
      return { status: 200, body: one };
    },
  },
} satisfies Record<string, Operation>;
