import { describe, expect, it } from 'vitest';
import { evaluateFilter } from './evaluate';
import { parseFilter } from './parser';

const work = { value: 'Alice@Example.com', type: 'work', primary: true };
const home = { value: 'alice@home.example', type: 'Home' };
const entraPhone = { value: '+1 555 0100', type: 'mobile', primary: 'False' };

describe('evaluateFilter (value filters for PATCH)', () => {
  it.each([
    ['type eq "work"', work, true],
    ['TYPE EQ "WORK"', work, true],
    ['type eq "work"', home, false],
    ['type eq "home"', home, true],
    ['value eq "alice@example.com"', work, true],
    ['value co "@EXAMPLE"', work, true],
    ['value sw "alice@h"', home, true],
    ['value ew ".example"', home, true],
    ['value gt "a"', work, true],
    ['value lt "a"', work, false],
    ['primary eq true', work, true],
    ['primary eq true', home, false],
    ['primary eq false', entraPhone, true],
    ['primary pr', home, false],
    ['display pr', work, false],
    ['type ne "work"', home, true],
    ['type ne "work"', work, false],
    ['display eq null', work, true],
    ['display ne null', work, false],
    ['type eq "work" and value eq "alice@example.com"', work, true],
    ['type eq "work" and value eq "bob@example.com"', work, false],
    ['type eq "home" or primary eq true', work, true],
    ['not (type eq "work")', home, true],
    ['value eq "2819c223-7f76-453a-919d-413861904646"', { value: '2819c223-7F76-453a-919d-413861904646' }, true],
    ['type eq "work"', 'not an object', false],
    ['type eq "work"', null, false],
    ['value eq 42', { value: 42 }, true],
    ['value ge 42', { value: 41 }, false],
    ['value eq 42', { value: '42' }, true],
  ])('%s on %j → %s', (filter, item, expected) => {
    expect(evaluateFilter(parseFilter(filter), item)).toBe(expected);
  });

  it('looks into multi-valued and extension attributes of a whole resource', () => {
    const resource = {
      emails: [home, work],
      'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User': { department: 'Sales' },
    };
    expect(evaluateFilter(parseFilter('emails[type eq "work" and primary eq true]'), resource)).toBe(true);
    expect(evaluateFilter(parseFilter('emails co "@home"'), resource)).toBe(true);
    expect(evaluateFilter(parseFilter('emails[type eq "work"].value ew "example.com"'), resource)).toBe(true);
    expect(evaluateFilter(parseFilter('emails[type eq "other"]'), resource)).toBe(false);
    const ent = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department eq "sales"';
    expect(evaluateFilter(parseFilter(ent), resource)).toBe(true);
  });
});
