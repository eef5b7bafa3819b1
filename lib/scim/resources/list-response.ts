import { LIST_RESPONSE_SCHEMA } from '../urns';

export type ListResponse<T> = {
  schemas: [typeof LIST_RESPONSE_SCHEMA];
  totalResults: number;
  startIndex: number;
  itemsPerPage: number;
  Resources: T[];
};

/**
 * The one builder of every ListResponse (RFC 7644 §3.4.2; STYLE pattern 7). `Resources` is
 * always present, also when empty: Entra's connection test queries a random userName and
 * expects 200 with an empty list, and clients index `Resources` without checking for it.
 */
export function listResponse<T>(resources: T[], totalResults: number, startIndex: number, itemsPerPage: number = resources.length): ListResponse<T> {
  return { schemas: [LIST_RESPONSE_SCHEMA], totalResults, startIndex, itemsPerPage, Resources: resources };
}
