CREATE TABLE "bulletin" (
	"id" uuid PRIMARY KEY NOT NULL,
	"region_id" uuid NOT NULL,
	"schedule_id" uuid NOT NULL,
	"cadence" text NOT NULL,
	"period_key" text NOT NULL,
	"from_on" date NOT NULL,
	"to_on" date NOT NULL,
	"title" text NOT NULL,
	"doc_prefix" text NOT NULL,
	"doc_year" integer NOT NULL,
	"doc_seq" integer NOT NULL,
	"status" text DEFAULT 'generated' NOT NULL,
	"docx_file_id" uuid NOT NULL,
	"xlsx_file_id" uuid NOT NULL,
	"summary" jsonb NOT NULL,
	"duration_ms" integer NOT NULL,
	"generated_by" uuid,
	"generated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bulletin_schedule" (
	"id" uuid PRIMARY KEY NOT NULL,
	"region_id" uuid NOT NULL,
	"name" text NOT NULL,
	"cadence" text NOT NULL,
	"issuer" text NOT NULL,
	"doc_prefix" text NOT NULL,
	"scheme_id" uuid,
	"recipients" text[] DEFAULT '{}'::text[] NOT NULL,
	"copy_to" text[] DEFAULT '{}'::text[] NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "bulletin" ADD CONSTRAINT "bulletin_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulletin" ADD CONSTRAINT "bulletin_schedule_id_bulletin_schedule_id_fk" FOREIGN KEY ("schedule_id") REFERENCES "public"."bulletin_schedule"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulletin" ADD CONSTRAINT "bulletin_docx_file_id_stored_file_id_fk" FOREIGN KEY ("docx_file_id") REFERENCES "public"."stored_file"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulletin" ADD CONSTRAINT "bulletin_xlsx_file_id_stored_file_id_fk" FOREIGN KEY ("xlsx_file_id") REFERENCES "public"."stored_file"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulletin" ADD CONSTRAINT "bulletin_generated_by_app_user_id_fk" FOREIGN KEY ("generated_by") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulletin_schedule" ADD CONSTRAINT "bulletin_schedule_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulletin_schedule" ADD CONSTRAINT "bulletin_schedule_scheme_id_kpi_scheme_id_fk" FOREIGN KEY ("scheme_id") REFERENCES "public"."kpi_scheme"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "bulletin_schedule_period_uq" ON "bulletin" USING btree ("schedule_id","period_key");--> statement-breakpoint
CREATE UNIQUE INDEX "bulletin_doc_no_uq" ON "bulletin" USING btree ("region_id","doc_prefix","doc_year","doc_seq");--> statement-breakpoint
CREATE INDEX "bulletin_region_period_idx" ON "bulletin" USING btree ("region_id","to_on");--> statement-breakpoint
CREATE UNIQUE INDEX "bulletin_schedule_region_name_uq" ON "bulletin_schedule" USING btree ("region_id","name","cadence");