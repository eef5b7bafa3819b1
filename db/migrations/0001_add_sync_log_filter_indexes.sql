DROP INDEX "audit_events_org_id_action_occurred_at_idx";--> statement-breakpoint
CREATE INDEX "audit_events_org_id_action_occurred_at_id_idx" ON "audit_events" USING btree ("org_id","action","occurred_at","id");--> statement-breakpoint
CREATE INDEX "audit_events_org_id_failures_idx" ON "audit_events" USING btree ("org_id","occurred_at","id") WHERE "audit_events"."status" >= 400;