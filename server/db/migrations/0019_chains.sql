CREATE TABLE "chain" (
	"id" uuid PRIMARY KEY NOT NULL,
	"region_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"chief_id" uuid,
	"chief_title" text,
	"leader_firm_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"department_id" uuid,
	"team_id" uuid,
	"goals" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"lists" text[] DEFAULT '{}'::text[] NOT NULL,
	"rule" jsonb NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"template" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "chain_link" (
	"id" uuid PRIMARY KEY NOT NULL,
	"chain_id" uuid NOT NULL,
	"region_id" uuid NOT NULL,
	"name" text NOT NULL,
	"segment" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "chain_link_edge" (
	"parent_id" uuid NOT NULL,
	"child_id" uuid NOT NULL,
	CONSTRAINT "chain_link_edge_parent_id_child_id_pk" PRIMARY KEY("parent_id","child_id")
);
--> statement-breakpoint
CREATE TABLE "chain_link_firm" (
	"link_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"role" text DEFAULT 'member' NOT NULL,
	"note" text,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "chain_link_firm_link_id_enterprise_id_pk" PRIMARY KEY("link_id","enterprise_id")
);
--> statement-breakpoint
CREATE TABLE "chain_project" (
	"link_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "chain_project_link_id_project_id_pk" PRIMARY KEY("link_id","project_id")
);
--> statement-breakpoint
CREATE TABLE "prospect" (
	"id" uuid PRIMARY KEY NOT NULL,
	"region_id" uuid NOT NULL,
	"name" text NOT NULL,
	"enterprise_id" uuid,
	"sources" text[] NOT NULL,
	"country" text,
	"headquarters" text,
	"industry_code" text,
	"industry" text,
	"moves" text,
	"signals" text[] DEFAULT '{}'::text[] NOT NULL,
	"priority" text DEFAULT 'medium' NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"team_id" uuid,
	"project_id" uuid,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "prospect_link" (
	"prospect_id" uuid NOT NULL,
	"link_id" uuid NOT NULL,
	CONSTRAINT "prospect_link_prospect_id_link_id_pk" PRIMARY KEY("prospect_id","link_id")
);
--> statement-breakpoint
CREATE TABLE "prospect_weights" (
	"region_id" uuid PRIMARY KEY NOT NULL,
	"weights" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "chain" ADD CONSTRAINT "chain_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chain" ADD CONSTRAINT "chain_chief_id_app_user_id_fk" FOREIGN KEY ("chief_id") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chain" ADD CONSTRAINT "chain_department_id_department_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."department"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chain" ADD CONSTRAINT "chain_team_id_team_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."team"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chain_link" ADD CONSTRAINT "chain_link_chain_id_chain_id_fk" FOREIGN KEY ("chain_id") REFERENCES "public"."chain"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chain_link" ADD CONSTRAINT "chain_link_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chain_link_edge" ADD CONSTRAINT "chain_link_edge_parent_id_chain_link_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."chain_link"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chain_link_edge" ADD CONSTRAINT "chain_link_edge_child_id_chain_link_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."chain_link"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chain_link_firm" ADD CONSTRAINT "chain_link_firm_link_id_chain_link_id_fk" FOREIGN KEY ("link_id") REFERENCES "public"."chain_link"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chain_link_firm" ADD CONSTRAINT "chain_link_firm_enterprise_id_enterprise_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprise"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chain_project" ADD CONSTRAINT "chain_project_link_id_chain_link_id_fk" FOREIGN KEY ("link_id") REFERENCES "public"."chain_link"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chain_project" ADD CONSTRAINT "chain_project_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prospect" ADD CONSTRAINT "prospect_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prospect" ADD CONSTRAINT "prospect_enterprise_id_enterprise_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprise"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prospect" ADD CONSTRAINT "prospect_team_id_team_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."team"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prospect" ADD CONSTRAINT "prospect_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prospect_link" ADD CONSTRAINT "prospect_link_prospect_id_prospect_id_fk" FOREIGN KEY ("prospect_id") REFERENCES "public"."prospect"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prospect_link" ADD CONSTRAINT "prospect_link_link_id_chain_link_id_fk" FOREIGN KEY ("link_id") REFERENCES "public"."chain_link"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prospect_weights" ADD CONSTRAINT "prospect_weights_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "chain_region_name_uq" ON "chain" USING btree ("region_id","name");--> statement-breakpoint
CREATE INDEX "chain_region_idx" ON "chain" USING btree ("region_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "chain_link_name_uq" ON "chain_link" USING btree ("chain_id","name");--> statement-breakpoint
CREATE INDEX "chain_link_chain_idx" ON "chain_link" USING btree ("chain_id","sort_order");--> statement-breakpoint
CREATE INDEX "chain_link_edge_child_idx" ON "chain_link_edge" USING btree ("child_id");--> statement-breakpoint
CREATE INDEX "chain_link_firm_enterprise_idx" ON "chain_link_firm" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "chain_project_project_idx" ON "chain_project" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "prospect_region_idx" ON "prospect" USING btree ("region_id","status");--> statement-breakpoint
CREATE INDEX "prospect_team_idx" ON "prospect" USING btree ("team_id");--> statement-breakpoint
CREATE UNIQUE INDEX "prospect_region_name_uq" ON "prospect" USING btree ("region_id","name");--> statement-breakpoint
CREATE INDEX "prospect_link_link_idx" ON "prospect_link" USING btree ("link_id");