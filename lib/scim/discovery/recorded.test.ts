import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resourceTypes } from './resource-types';
import { schemas } from './schemas';
import { serviceProviderConfig } from './service-provider-config';

const BASE = 'https://roster.example.com/api/scim/v2';
const recorded = (name: string) => readFileSync(path.join(import.meta.dirname, '../../../test/fixtures/discovery', name), 'utf8');

/**
 * The discovery documents as IdPs read them today, recorded in test/fixtures/discovery: what
 * Okta and Entra cache from /Schemas must not change by accident when the attribute table it is
 * built from does (issue 16). A deliberate change re-records the file. Compared as serialized
 * text, so key order counts too.
 */
describe('discovery documents match their recorded copy', () => {
  it.each([
    ['schemas.json', () => schemas(BASE)],
    ['resource-types.json', () => resourceTypes(BASE)],
    ['service-provider-config.json', () => serviceProviderConfig(BASE)],
  ])('%s', (file, build) => {
    const expected = recorded(file);
    expect(build()).toEqual(JSON.parse(expected));
    expect(`${JSON.stringify(build(), null, 2)}\n`).toBe(expected);
  });
});
