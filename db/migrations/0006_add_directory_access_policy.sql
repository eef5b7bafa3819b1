CREATE TABLE "deprovision_events" (
	"org_id" uuid NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"member_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "directory_policies" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"default_role" text DEFAULT 'member' NOT NULL,
	"adoption_enabled" boolean DEFAULT true NOT NULL,
	"guard_enabled" boolean DEFAULT true NOT NULL,
	"guard_threshold" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "held_deprovisions" (
	"org_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"state" text DEFAULT 'held' NOT NULL,
	"requests" integer DEFAULT 1 NOT NULL,
	"first_requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "held_deprovisions_pk" PRIMARY KEY("org_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "role_mappings" (
	"org_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"role" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "role_mappings_pk" PRIMARY KEY("org_id","group_id")
);
--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "granted_role" text DEFAULT 'member' NOT NULL;--> statement-breakpoint
-- Hand-written: every role held before this migration was granted by hand (no mappings existed).
UPDATE "members" SET "granted_role" = "role";--> statement-breakpoint
ALTER TABLE "deprovision_events" ADD CONSTRAINT "deprovision_events_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_policies" ADD CONSTRAINT "directory_policies_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "held_deprovisions" ADD CONSTRAINT "held_deprovisions_member_fk" FOREIGN KEY ("org_id","member_id") REFERENCES "public"."members"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_mappings" ADD CONSTRAINT "role_mappings_group_fk" FOREIGN KEY ("org_id","group_id") REFERENCES "public"."groups"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "deprovision_events_org_id_occurred_at_idx" ON "deprovision_events" USING btree ("org_id","occurred_at");--> statement-breakpoint
CREATE INDEX "members_org_id_owners_idx" ON "members" USING btree ("org_id") WHERE "members"."role" = 'owner';