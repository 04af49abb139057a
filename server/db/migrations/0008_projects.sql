CREATE SEQUENCE "public"."project_code_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "node_template" (
	"id" uuid PRIMARY KEY NOT NULL,
	"region_id" uuid NOT NULL,
	"park_id" uuid,
	"project_kind" text,
	"name" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "node_template_item" (
	"template_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"name" text NOT NULL,
	"department_id" uuid,
	"due_workdays" integer NOT NULL,
	"gate" text,
	CONSTRAINT "node_template_item_template_id_seq_pk" PRIMARY KEY("template_id","seq")
);
--> statement-breakpoint
CREATE TABLE "project" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"investor_id" uuid NOT NULL,
	"kind" text DEFAULT 'industrial' NOT NULL,
	"industry_code" text,
	"region_id" uuid NOT NULL,
	"park_id" uuid,
	"team_id" uuid,
	"officer_id" uuid,
	"channel" text NOT NULL,
	"total_investment_fen" bigint,
	"foreign_capital_cents" bigint,
	"fixed_asset_fen" bigint,
	"land_demand_m2" double precision,
	"floor_demand_m2" double precision,
	"expected_output_fen" bigint,
	"expected_tax_fen" bigint,
	"jobs" integer,
	"manual_tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"summary" text,
	"stage" text DEFAULT 'lead' NOT NULL,
	"stage_on" date NOT NULL,
	"stage_dates" date[] DEFAULT '{}'::date[] NOT NULL,
	"stopped_from" text,
	"duplicate_of" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"duplicate_reason" text,
	"name_key" text NOT NULL,
	"registered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"registered_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_actual" (
	"project_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"investment_fen" bigint,
	"output_fen" bigint,
	"tax_fen" bigint,
	"jobs" integer,
	"land_m2" double precision,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "project_actual_project_id_year_pk" PRIMARY KEY("project_id","year")
);
--> statement-breakpoint
CREATE TABLE "project_contract" (
	"project_id" uuid PRIMARY KEY NOT NULL,
	"signed_on" date NOT NULL,
	"contract_no" text,
	"investment_fen" bigint,
	"invest_by" date,
	"intensity_wan_per_mu" double precision,
	"tax_per_mu_wan" double precision,
	"output_fen" bigint,
	"jobs" integer,
	"start_by" date,
	"production_by" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_credit" (
	"project_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"user_id" uuid,
	"percent" integer NOT NULL,
	CONSTRAINT "project_credit_project_id_team_id_pk" PRIMARY KEY("project_id","team_id")
);
--> statement-breakpoint
CREATE TABLE "project_fund" (
	"project_id" uuid NOT NULL,
	"month" date NOT NULL,
	"domestic_fen" bigint DEFAULT 0 NOT NULL,
	"foreign_cents" bigint DEFAULT 0 NOT NULL,
	"evidence_file_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"note" text,
	"entered_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "project_fund_project_id_month_pk" PRIMARY KEY("project_id","month")
);
--> statement-breakpoint
CREATE TABLE "project_node" (
	"id" uuid PRIMARY KEY NOT NULL,
	"project_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"name" text NOT NULL,
	"department_id" uuid,
	"gate" text,
	"due_workdays" integer NOT NULL,
	"due_on" date,
	"planned_on" date,
	"done_on" date,
	"status" text DEFAULT 'pending' NOT NULL,
	"note" text,
	"evidence_file_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"done_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_stage_event" (
	"id" uuid PRIMARY KEY NOT NULL,
	"project_id" uuid NOT NULL,
	"from_stage" text,
	"to_stage" text NOT NULL,
	"on_date" date NOT NULL,
	"reason" text,
	"actor_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "expert" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"title" text,
	"organization" text,
	"fields" text[] NOT NULL,
	"phone" text,
	"user_id" uuid,
	"region_id" uuid NOT NULL,
	"tied_enterprise_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review" (
	"id" uuid PRIMARY KEY NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"region_id" uuid NOT NULL,
	"title" text NOT NULL,
	"criteria" jsonb NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"conclusion" text,
	"conclusion_note" text,
	"average_score" double precision,
	"excluded_experts" text[] DEFAULT '{}'::text[] NOT NULL,
	"concluded_at" timestamp with time zone,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_panelist" (
	"review_id" uuid NOT NULL,
	"expert_id" uuid NOT NULL,
	"scores" jsonb,
	"total" double precision,
	"comment" text,
	"submitted_at" timestamp with time zone,
	CONSTRAINT "review_panelist_review_id_expert_id_pk" PRIMARY KEY("review_id","expert_id")
);
--> statement-breakpoint
ALTER TABLE "node_template" ADD CONSTRAINT "node_template_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "node_template" ADD CONSTRAINT "node_template_park_id_park_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."park"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "node_template_item" ADD CONSTRAINT "node_template_item_template_id_node_template_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."node_template"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "node_template_item" ADD CONSTRAINT "node_template_item_department_id_department_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."department"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project" ADD CONSTRAINT "project_investor_id_enterprise_id_fk" FOREIGN KEY ("investor_id") REFERENCES "public"."enterprise"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project" ADD CONSTRAINT "project_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project" ADD CONSTRAINT "project_park_id_park_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."park"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project" ADD CONSTRAINT "project_team_id_team_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."team"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project" ADD CONSTRAINT "project_officer_id_app_user_id_fk" FOREIGN KEY ("officer_id") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project" ADD CONSTRAINT "project_registered_by_app_user_id_fk" FOREIGN KEY ("registered_by") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_actual" ADD CONSTRAINT "project_actual_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_contract" ADD CONSTRAINT "project_contract_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_credit" ADD CONSTRAINT "project_credit_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_credit" ADD CONSTRAINT "project_credit_team_id_team_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."team"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_credit" ADD CONSTRAINT "project_credit_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_fund" ADD CONSTRAINT "project_fund_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_fund" ADD CONSTRAINT "project_fund_entered_by_app_user_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_node" ADD CONSTRAINT "project_node_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_node" ADD CONSTRAINT "project_node_department_id_department_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."department"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_node" ADD CONSTRAINT "project_node_done_by_app_user_id_fk" FOREIGN KEY ("done_by") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_stage_event" ADD CONSTRAINT "project_stage_event_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_stage_event" ADD CONSTRAINT "project_stage_event_actor_id_app_user_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert" ADD CONSTRAINT "expert_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert" ADD CONSTRAINT "expert_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review" ADD CONSTRAINT "review_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review" ADD CONSTRAINT "review_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_panelist" ADD CONSTRAINT "review_panelist_review_id_review_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."review"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_panelist" ADD CONSTRAINT "review_panelist_expert_id_expert_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."expert"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "node_template_region_idx" ON "node_template" USING btree ("region_id");--> statement-breakpoint
CREATE UNIQUE INDEX "project_code_uq" ON "project" USING btree ("code");--> statement-breakpoint
CREATE INDEX "project_park_stage_idx" ON "project" USING btree ("park_id","stage","id");--> statement-breakpoint
CREATE INDEX "project_region_stage_idx" ON "project" USING btree ("region_id","stage","id");--> statement-breakpoint
CREATE INDEX "project_team_idx" ON "project" USING btree ("team_id");--> statement-breakpoint
CREATE INDEX "project_investor_idx" ON "project" USING btree ("investor_id");--> statement-breakpoint
CREATE INDEX "project_name_key_trgm_idx" ON "project" USING gin ("name_key" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "project_credit_team_idx" ON "project_credit" USING btree ("team_id");--> statement-breakpoint
CREATE INDEX "project_fund_month_idx" ON "project_fund" USING btree ("month");--> statement-breakpoint
CREATE UNIQUE INDEX "project_node_project_seq_uq" ON "project_node" USING btree ("project_id","seq");--> statement-breakpoint
CREATE INDEX "project_node_department_idx" ON "project_node" USING btree ("department_id","status","due_on");--> statement-breakpoint
CREATE INDEX "project_node_due_idx" ON "project_node" USING btree ("status","due_on");--> statement-breakpoint
CREATE INDEX "project_node_open_idx" ON "project_node" USING btree ("project_id","due_on") WHERE "project_node"."status" = 'pending' and "project_node"."due_on" is not null;--> statement-breakpoint
CREATE INDEX "project_stage_event_project_idx" ON "project_stage_event" USING btree ("project_id","on_date");--> statement-breakpoint
CREATE INDEX "expert_region_idx" ON "expert" USING btree ("region_id");--> statement-breakpoint
CREATE INDEX "expert_user_idx" ON "expert" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "review_subject_idx" ON "review" USING btree ("subject_type","subject_id");--> statement-breakpoint
CREATE INDEX "review_panelist_expert_idx" ON "review_panelist" USING btree ("expert_id");