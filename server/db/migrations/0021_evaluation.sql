CREATE TABLE "evaluation_event" (
	"id" uuid PRIMARY KEY NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"region_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"kind" text NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluation_result" (
	"run_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"region_id" uuid NOT NULL,
	"park_id" uuid,
	"industry_code" text,
	"size_group" text NOT NULL,
	"unit" text NOT NULL,
	"members" integer NOT NULL,
	"class" text NOT NULL,
	"computed_class" text NOT NULL,
	"t_reason" text,
	"forced_reason" text,
	"override_reason" text,
	"overridden_by" uuid,
	"overridden_at" timestamp with time zone,
	"figures" jsonb,
	"indicators" jsonb,
	"adjustments" text[],
	"base" double precision NOT NULL,
	"bonus" double precision NOT NULL,
	"deduction" double precision NOT NULL,
	"total" double precision NOT NULL,
	"position" integer,
	"population" integer,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "evaluation_result_run_id_enterprise_id_pk" PRIMARY KEY("run_id","enterprise_id")
);
--> statement-breakpoint
CREATE TABLE "evaluation_run" (
	"id" uuid PRIMARY KEY NOT NULL,
	"scheme_id" uuid NOT NULL,
	"region_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"scheme_name" text NOT NULL,
	"scheme" jsonb NOT NULL,
	"previous" jsonb NOT NULL,
	"status" text NOT NULL,
	"forced" integer DEFAULT 0 NOT NULL,
	"missing" integer DEFAULT 0 NOT NULL,
	"counts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"digest" text,
	"note" text,
	"created_by" uuid,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "evaluation_scheme" (
	"id" uuid PRIMARY KEY NOT NULL,
	"region_id" uuid NOT NULL,
	"name" text NOT NULL,
	"year" integer NOT NULL,
	"note" text,
	"preset" text,
	"body" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "evaluation_event" ADD CONSTRAINT "evaluation_event_enterprise_id_enterprise_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprise"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_event" ADD CONSTRAINT "evaluation_event_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_result" ADD CONSTRAINT "evaluation_result_run_id_evaluation_run_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."evaluation_run"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_run" ADD CONSTRAINT "evaluation_run_scheme_id_evaluation_scheme_id_fk" FOREIGN KEY ("scheme_id") REFERENCES "public"."evaluation_scheme"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_run" ADD CONSTRAINT "evaluation_run_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_run" ADD CONSTRAINT "evaluation_run_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_scheme" ADD CONSTRAINT "evaluation_scheme_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "evaluation_event_firm_idx" ON "evaluation_event" USING btree ("enterprise_id","year","kind");--> statement-breakpoint
CREATE INDEX "evaluation_result_class_idx" ON "evaluation_result" USING btree ("run_id","class","total");--> statement-breakpoint
CREATE INDEX "evaluation_result_enterprise_idx" ON "evaluation_result" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "evaluation_run_region_idx" ON "evaluation_run" USING btree ("region_id","year");--> statement-breakpoint
CREATE INDEX "evaluation_scheme_region_idx" ON "evaluation_scheme" USING btree ("region_id","year");