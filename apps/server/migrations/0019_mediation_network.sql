CREATE TABLE "mediation_assignment" (
	"id" uuid PRIMARY KEY NOT NULL,
	"matter_id" uuid NOT NULL,
	"mode" text NOT NULL,
	"plan" text NOT NULL,
	"assigned_by" uuid NOT NULL,
	"assigned_at" timestamp with time zone NOT NULL,
	"outcome" text DEFAULT 'open' NOT NULL,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "mediation_assignment_member" (
	"assignment_id" uuid NOT NULL,
	"mediator_id" uuid NOT NULL,
	"node_id" uuid NOT NULL,
	"lead" boolean NOT NULL,
	CONSTRAINT "mediation_assignment_member_assignment_id_mediator_id_pk" PRIMARY KEY("assignment_id","mediator_id")
);
--> statement-breakpoint
CREATE TABLE "mediation_node" (
	"id" uuid PRIMARY KEY NOT NULL,
	"court_id" uuid NOT NULL,
	"parent_id" uuid,
	"level" text NOT NULL,
	"kind" text NOT NULL,
	"platform" text,
	"name" text NOT NULL,
	"area_code" text NOT NULL,
	"dispute_kinds" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mediator_membership" (
	"mediator_id" uuid NOT NULL,
	"node_id" uuid NOT NULL,
	CONSTRAINT "mediator_membership_mediator_id_node_id_pk" PRIMARY KEY("mediator_id","node_id")
);
--> statement-breakpoint
CREATE TABLE "mediator_profile" (
	"id" uuid PRIMARY KEY NOT NULL,
	"court_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"specialties" text[] NOT NULL,
	"area_codes" text[] NOT NULL,
	"availability" jsonb NOT NULL,
	"on_leave_until" timestamp with time zone,
	"max_load" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mediator_profile_user_id_unique" UNIQUE("user_id")
);
--> statement-breakpoint
CREATE TABLE "routing_rule" (
	"id" uuid PRIMARY KEY NOT NULL,
	"court_id" uuid NOT NULL,
	"area_prefix" text NOT NULL,
	"dispute_kind" text,
	"node_id" uuid NOT NULL,
	"platform" text,
	"priority" integer NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "routing_rule_revision" (
	"rule_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"snapshot" jsonb NOT NULL,
	"changed_by" uuid NOT NULL,
	"changed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "routing_rule_revision_rule_id_version_pk" PRIMARY KEY("rule_id","version")
);
--> statement-breakpoint
CREATE TABLE "triage_entry" (
	"matter_id" uuid PRIMARY KEY NOT NULL,
	"court_id" uuid NOT NULL,
	"dispute_kind" text NOT NULL,
	"area_code" text NOT NULL,
	"urgency" integer NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "mediation_assignment_member" ADD CONSTRAINT "mediation_assignment_member_assignment_id_mediation_assignment_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."mediation_assignment"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_assignment_member" ADD CONSTRAINT "mediation_assignment_member_mediator_id_mediator_profile_id_fk" FOREIGN KEY ("mediator_id") REFERENCES "public"."mediator_profile"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_assignment_member" ADD CONSTRAINT "mediation_assignment_member_node_id_mediation_node_id_fk" FOREIGN KEY ("node_id") REFERENCES "public"."mediation_node"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediator_membership" ADD CONSTRAINT "mediator_membership_mediator_id_mediator_profile_id_fk" FOREIGN KEY ("mediator_id") REFERENCES "public"."mediator_profile"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediator_membership" ADD CONSTRAINT "mediator_membership_node_id_mediation_node_id_fk" FOREIGN KEY ("node_id") REFERENCES "public"."mediation_node"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routing_rule" ADD CONSTRAINT "routing_rule_node_id_mediation_node_id_fk" FOREIGN KEY ("node_id") REFERENCES "public"."mediation_node"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routing_rule_revision" ADD CONSTRAINT "routing_rule_revision_rule_id_routing_rule_id_fk" FOREIGN KEY ("rule_id") REFERENCES "public"."routing_rule"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "mediation_assignment_matter_idx" ON "mediation_assignment" USING btree ("matter_id");--> statement-breakpoint
CREATE INDEX "mediation_assignment_member_mediator_idx" ON "mediation_assignment_member" USING btree ("mediator_id");--> statement-breakpoint
CREATE INDEX "mediation_node_court_idx" ON "mediation_node" USING btree ("court_id","area_code");--> statement-breakpoint
CREATE INDEX "mediator_membership_node_idx" ON "mediator_membership" USING btree ("node_id");--> statement-breakpoint
CREATE INDEX "mediator_profile_court_idx" ON "mediator_profile" USING btree ("court_id");--> statement-breakpoint
CREATE INDEX "routing_rule_court_idx" ON "routing_rule" USING btree ("court_id");--> statement-breakpoint
CREATE INDEX "triage_entry_queue_idx" ON "triage_entry" USING btree ("court_id","status","urgency","received_at");