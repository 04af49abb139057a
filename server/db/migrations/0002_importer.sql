CREATE TABLE "import_job" (
	"id" uuid PRIMARY KEY NOT NULL,
	"entity" text NOT NULL,
	"file_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"status" text NOT NULL,
	"header_row" integer DEFAULT 1 NOT NULL,
	"mapping" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"options" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"counts" jsonb,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"skipped" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"message" text,
	"region_id" uuid,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enterprise_stage" (
	"job_id" uuid NOT NULL,
	"row_no" integer NOT NULL,
	"id" uuid NOT NULL,
	"uscc" text,
	"name" text NOT NULL,
	"former_names" text[],
	"legal_rep" text,
	"registered_capital_fen" bigint,
	"capital_currency" text,
	"founded_on" date,
	"status" text,
	"industry_code" text,
	"region_id" uuid NOT NULL,
	"region_given" boolean NOT NULL,
	"park_id" uuid,
	"address" text,
	"lng" double precision,
	"lat" double precision,
	"employees" integer,
	"contacts" jsonb,
	"labels" text[],
	"label_ids" uuid[],
	"search_text" text NOT NULL,
	"search_grams" text[] NOT NULL,
	"name_pinyin" text NOT NULL,
	"name_initials" text NOT NULL,
	"name_key" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enterprise_year_stage" (
	"job_id" uuid NOT NULL,
	"row_no" integer NOT NULL,
	"id" uuid NOT NULL,
	"uscc" text NOT NULL,
	"year" integer NOT NULL,
	"size_class" text,
	"four_up" boolean,
	"revenue_fen" bigint,
	"tax_fen" bigint,
	"value_added_fen" bigint,
	"output_fen" bigint,
	"energy_tce" double precision,
	"electricity_kwh" double precision,
	"emissions_t" double precision,
	"rd_fen" bigint,
	"employees_avg" integer,
	"land_m2" double precision,
	"land_cert_no" text,
	"floor_rented_m2" double precision
);
--> statement-breakpoint
ALTER TABLE "import_job" ADD CONSTRAINT "import_job_file_id_stored_file_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_file"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "import_job_creator_idx" ON "import_job" USING btree ("created_by","created_at");--> statement-breakpoint
CREATE INDEX "enterprise_stage_job_idx" ON "enterprise_stage" USING btree ("job_id","uscc");--> statement-breakpoint
CREATE INDEX "enterprise_year_stage_job_idx" ON "enterprise_year_stage" USING btree ("job_id","uscc");