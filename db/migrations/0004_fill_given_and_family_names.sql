-- Members created outside SCIM (sign-up, the add-member form, npm run org:create) had only a
-- display name, and Okta's SCIM SPEC test requires name.givenName and name.familyName on the
-- first user of an org (issue 14). Fill what is missing from the display name (or the part of
-- the userName before "@"): split at the last whitespace, given name before it and family name
-- after it; a name without whitespace ("Cher") goes into both. Names already set are kept.
UPDATE "members" AS "m"
SET
  "given_name" = coalesce("m"."given_name", regexp_replace("s"."n", '\s+\S+$', '')),
  "family_name" = coalesce("m"."family_name", substring("s"."n" from '(\S+)$'))
FROM (
  SELECT "org_id", "id", btrim(coalesce(nullif(btrim("display_name"), ''), split_part("user_name", '@', 1))) AS "n"
  FROM "members"
  WHERE "source" = 'manual' AND ("given_name" IS NULL OR "family_name" IS NULL)
) AS "s"
WHERE "m"."org_id" = "s"."org_id" AND "m"."id" = "s"."id" AND "s"."n" <> '';
