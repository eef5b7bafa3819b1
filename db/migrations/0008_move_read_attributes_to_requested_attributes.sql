-- The sync-log summary key "attributes" meant two things (issue 16): on a create or replace, the
-- attribute names the IdP's body SENT; on a read, list or search, the "attributes" query
-- parameter, the attributes the IdP ASKED to get back (RFC 7644 §3.9). The detail page showed
-- both as "Attributes sent". Reads now write "requestedAttributes" (lib/audit/scim-summary.ts);
-- this moves the old reads' value to that key, unchanged, so no row loses what it recorded and
-- readers need only one meaning per key. Writes keep "attributes". One pass over the log at
-- upgrade; only reads that named attributes are rewritten (few: IdPs seldom send the parameter).
UPDATE "audit_events"
SET "summary" = ("summary" - 'attributes') || jsonb_build_object('requestedAttributes', "summary" -> 'attributes')
WHERE "action" IN ('scim.user.read', 'scim.user.list', 'scim.group.read', 'scim.group.list', 'scim.root.search')
  AND "summary" -> 'attributes' IS NOT NULL
  AND "summary" -> 'requestedAttributes' IS NULL;
