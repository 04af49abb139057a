CREATE TABLE "kpi_goal" (
	"id" uuid PRIMARY KEY NOT NULL,
	"region_id" uuid NOT NULL,
	"indicator_key" text NOT NULL,
	"unit_kind" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"target" double precision NOT NULL,
	"split" double precision[],
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kpi_indicator" (
	"id" uuid PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"region_id" uuid NOT NULL,
	"name" text NOT NULL,
	"unit" text NOT NULL,
	"unit_kinds" text[] NOT NULL,
	"higher_is_better" boolean DEFAULT true NOT NULL,
	"cumulative" boolean DEFAULT true NOT NULL,
	"description" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kpi_run" (
	"id" uuid PRIMARY KEY NOT NULL,
	"scheme_id" uuid NOT NULL,
	"region_id" uuid NOT NULL,
	"period_key" text NOT NULL,
	"from_on" date NOT NULL,
	"to_on" date NOT NULL,
	"scheme_version" integer NOT NULL,
	"items" jsonb NOT NULL,
	"results" jsonb NOT NULL,
	"computed_by" uuid,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kpi_scheme" (
	"id" uuid PRIMARY KEY NOT NULL,
	"region_id" uuid NOT NULL,
	"name" text NOT NULL,
	"unit_kind" text NOT NULL,
	"unit_ids" uuid[] NOT NULL,
	"period_kind" text NOT NULL,
	"items" jsonb NOT NULL,
	"adjustments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"description" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kpi_value" (
	"id" uuid PRIMARY KEY NOT NULL,
	"indicator_key" text NOT NULL,
	"region_id" uuid NOT NULL,
	"unit_kind" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"period_kind" text NOT NULL,
	"period_key" text NOT NULL,
	"from_on" date NOT NULL,
	"to_on" date NOT NULL,
	"value" double precision NOT NULL,
	"evidence_file_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"note" text,
	"entered_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "kpi_goal" ADD CONSTRAINT "kpi_goal_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_indicator" ADD CONSTRAINT "kpi_indicator_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_run" ADD CONSTRAINT "kpi_run_scheme_id_kpi_scheme_id_fk" FOREIGN KEY ("scheme_id") REFERENCES "public"."kpi_scheme"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_run" ADD CONSTRAINT "kpi_run_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_run" ADD CONSTRAINT "kpi_run_computed_by_app_user_id_fk" FOREIGN KEY ("computed_by") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_scheme" ADD CONSTRAINT "kpi_scheme_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_value" ADD CONSTRAINT "kpi_value_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_value" ADD CONSTRAINT "kpi_value_entered_by_app_user_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "kpi_goal_uq" ON "kpi_goal" USING btree ("indicator_key","unit_id","year");--> statement-breakpoint
CREATE INDEX "kpi_goal_region_year_idx" ON "kpi_goal" USING btree ("region_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "kpi_indicator_key_uq" ON "kpi_indicator" USING btree ("key");--> statement-breakpoint
CREATE UNIQUE INDEX "kpi_indicator_region_name_uq" ON "kpi_indicator" USING btree ("region_id","name");--> statement-breakpoint
CREATE INDEX "kpi_run_scheme_period_idx" ON "kpi_run" USING btree ("scheme_id","period_key","computed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "kpi_scheme_region_name_uq" ON "kpi_scheme" USING btree ("region_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "kpi_value_uq" ON "kpi_value" USING btree ("indicator_key","unit_id","period_key");--> statement-breakpoint
CREATE INDEX "kpi_value_lookup_idx" ON "kpi_value" USING btree ("indicator_key","from_on","to_on");