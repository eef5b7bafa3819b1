CREATE INDEX "members_emails_values_idx" ON "members" USING gin ((lower("emails"::text)::jsonb) jsonb_path_ops);--> statement-breakpoint
CREATE INDEX "members_phone_numbers_values_idx" ON "members" USING gin ((lower("phone_numbers"::text)::jsonb) jsonb_path_ops);--> statement-breakpoint
-- Filters on emails now read the JSON list only, so the primary work email kept in "email" must
-- be among its entries. Rows where it was not (a SCIM user whose email was taken from an
-- email-shaped userName) get it as the first entry, primary and of type work, the others losing
-- their primary flag: exactly the list SCIM already returned for them.
UPDATE "members"
SET "emails" = jsonb_build_array(jsonb_build_object('value', "email", 'type', 'work', 'primary', true))
  || coalesce((SELECT jsonb_agg("entry" - 'primary' ORDER BY "n") FROM jsonb_array_elements("emails") WITH ORDINALITY AS "e"("entry", "n")), '[]'::jsonb)
WHERE "email" IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements("members"."emails") AS "e"("entry") WHERE lower("entry" ->> 'value') = lower("members"."email"));
