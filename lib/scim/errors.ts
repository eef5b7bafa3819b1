/**
 * SCIM errors (RFC 7644 §3.12). Thrown inside lib/scim and turned into a response by the
 * handler; `status` is a string in the body because the RFC's examples and Entra expect that.
 */
import { maskSecrets } from '@/lib/secrets';
import { SCIM_ERROR_SCHEMA } from './urns';

export const SCIM_CONTENT_TYPE = 'application/scim+json';

export type ScimType =
  'invalidFilter' | 'tooMany' | 'uniqueness' | 'mutability' | 'invalidSyntax' | 'invalidPath' | 'noTarget' | 'invalidValue' | 'invalidVers' | 'sensitive';

export class ScimError extends Error {
  constructor(
    readonly status: number,
    readonly scimType: ScimType | undefined,
    readonly detail: string,
    /** Extra response headers, e.g. Retry-After or WWW-Authenticate. */
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
    this.name = 'ScimError';
  }

  toBody(): Record<string, unknown> {
    return {
      schemas: [SCIM_ERROR_SCHEMA],
      status: String(this.status),
      ...(this.scimType ? { scimType: this.scimType } : {}),
      detail: maskSecrets(this.detail),
    };
  }

  toResponse(): Response {
    return new Response(JSON.stringify(this.toBody()), {
      status: this.status,
      headers: { 'Content-Type': SCIM_CONTENT_TYPE, ...this.headers },
    });
  }
}

export const invalidFilter = (detail: string) => new ScimError(400, 'invalidFilter', detail);
export const invalidValue = (detail: string) => new ScimError(400, 'invalidValue', detail);
export const invalidSyntax = (detail: string) => new ScimError(400, 'invalidSyntax', detail);
export const invalidPath = (detail: string) => new ScimError(400, 'invalidPath', detail);
export const noTarget = (detail: string) => new ScimError(400, 'noTarget', detail);
export const notFound = (detail: string) => new ScimError(404, undefined, detail);
export const uniqueness = (detail: string) => new ScimError(409, 'uniqueness', detail);
