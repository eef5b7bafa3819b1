import type { z } from 'zod';
import { invalidSyntax, invalidValue, type ScimError } from '../errors';

type Issue = z.ZodError['issues'][number];

/** `emails[0].value`, `urn:…:enterprise:2.0:User:department`: the path as an IdP admin reads it. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  const [first, ...rest] = path;
  if (first === undefined) return 'body';
  let out = typeof first === 'number' ? `[${first}]` : String(first);
  rest.forEach((part, index) => {
    const afterUrn = index === 0 && out.startsWith('urn:');
    out += typeof part === 'number' ? `[${part}]` : `${afterUrn ? ':' : '.'}${String(part)}`;
  });
  return out;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const part of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[part];
  }
  return value;
}

/**
 * The first zod issue as a SCIM error naming the attribute (RFC 7644 §3.12): a JSON value of
 * the wrong type is a body that does not conform to the schema (invalidSyntax); a missing
 * required value or a value out of range is invalidValue.
 */
export function scimErrorFromIssues(issues: readonly Issue[], input: unknown): ScimError {
  const issue = issues[0];
  if (!issue) return invalidSyntax('The request body is not valid');
  const where = formatIssuePath(issue.path);
  const missing = valueAt(input, issue.path) === undefined;
  if (issue.code === 'invalid_type' && missing) return invalidValue(`"${where}" is required`);
  const typeError = issue.code === 'invalid_type' || issue.code === 'invalid_union';
  return (typeError ? invalidSyntax : invalidValue)(`"${where}" ${issue.message}`);
}
