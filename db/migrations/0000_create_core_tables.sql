CREATE TABLE "organizations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "accounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "members" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid,
	"role" text DEFAULT 'member' NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"source" text DEFAULT 'manual' NOT NULL,
	"external_id" text,
	"user_name" text NOT NULL,
	"given_name" text,
	"family_name" text,
	"middle_name" text,
	"formatted_name" text,
	"display_name" text,
	"nick_name" text,
	"email" text,
	"emails" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"phone_numbers" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"title" text,
	"user_type" text,
	"locale" text,
	"preferred_language" text,
	"timezone" text,
	"employee_number" text,
	"cost_center" text,
	"organization" text,
	"division" text,
	"department" text,
	"manager_id" uuid,
	"invite_token_hash" text,
	"invite_expires_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "members_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "groups" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"display_name" text NOT NULL,
	"external_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "groups_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "group_members" (
	"org_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "group_members_pk" PRIMARY KEY("org_id","group_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "scim_tokens" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"scopes" text[] NOT NULL,
	"token_hash" text NOT NULL,
	"prefix" text NOT NULL,
	"created_by_account_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"first_used_at" timestamp with time zone,
	"last_used_at" timestamp with time zone,
	"last_used_ip" text,
	"last_used_idp" text,
	"expires_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "scim_tokens_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"org_id" uuid NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"actor_type" text NOT NULL,
	"actor_id" uuid,
	"actor_label" text,
	"action" text NOT NULL,
	"resource_type" text,
	"resource_id" text,
	"status" integer,
	"idp" text,
	"duration_ms" integer,
	"summary" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "audit_events_pk" PRIMARY KEY("org_id","occurred_at","id")
);
--> statement-breakpoint
ALTER TABLE "members" ADD CONSTRAINT "members_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "members" ADD CONSTRAINT "members_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "members" ADD CONSTRAINT "members_manager_fk" FOREIGN KEY ("org_id","manager_id") REFERENCES "public"."members"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "groups" ADD CONSTRAINT "groups_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_members" ADD CONSTRAINT "group_members_group_fk" FOREIGN KEY ("org_id","group_id") REFERENCES "public"."groups"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_members" ADD CONSTRAINT "group_members_member_fk" FOREIGN KEY ("org_id","member_id") REFERENCES "public"."members"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scim_tokens" ADD CONSTRAINT "scim_tokens_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scim_tokens" ADD CONSTRAINT "scim_tokens_created_by_account_id_accounts_id_fk" FOREIGN KEY ("created_by_account_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "organizations_slug_uq" ON "organizations" USING btree ("slug");--> statement-breakpoint
CREATE UNIQUE INDEX "accounts_email_uq" ON "accounts" USING btree (lower("email"));--> statement-breakpoint
CREATE UNIQUE INDEX "members_org_id_user_name_uq" ON "members" USING btree ("org_id",lower("user_name"));--> statement-breakpoint
CREATE INDEX "members_org_id_external_id_idx" ON "members" USING btree ("org_id","external_id");--> statement-breakpoint
CREATE INDEX "members_org_id_email_idx" ON "members" USING btree ("org_id",lower("email"));--> statement-breakpoint
CREATE INDEX "members_org_id_created_at_id_idx" ON "members" USING btree ("org_id","created_at","id");--> statement-breakpoint
CREATE INDEX "members_account_id_idx" ON "members" USING btree ("account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "members_org_id_account_id_uq" ON "members" USING btree ("org_id","account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "members_invite_token_hash_uq" ON "members" USING btree ("invite_token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "groups_org_id_display_name_uq" ON "groups" USING btree ("org_id",lower("display_name"));--> statement-breakpoint
CREATE INDEX "groups_org_id_external_id_idx" ON "groups" USING btree ("org_id","external_id");--> statement-breakpoint
CREATE INDEX "groups_org_id_created_at_id_idx" ON "groups" USING btree ("org_id","created_at","id");--> statement-breakpoint
CREATE INDEX "group_members_org_id_member_id_idx" ON "group_members" USING btree ("org_id","member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "scim_tokens_token_hash_uq" ON "scim_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "scim_tokens_org_id_created_at_idx" ON "scim_tokens" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "audit_events_org_id_action_occurred_at_idx" ON "audit_events" USING btree ("org_id","action","occurred_at");