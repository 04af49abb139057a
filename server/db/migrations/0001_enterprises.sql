CREATE TABLE "enterprise" (
	"id" uuid PRIMARY KEY NOT NULL,
	"uscc" text,
	"name" text NOT NULL,
	"former_names" text[] DEFAULT '{}'::text[] NOT NULL,
	"legal_rep" text,
	"registered_capital_fen" bigint,
	"capital_currency" text DEFAULT 'CNY' NOT NULL,
	"founded_on" date,
	"status" text DEFAULT 'operating' NOT NULL,
	"industry_code" text,
	"region_id" uuid NOT NULL,
	"park_id" uuid,
	"address" text,
	"lng" double precision,
	"lat" double precision,
	"employees" integer,
	"contacts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"specialist_id" uuid,
	"size_class" text,
	"search_text" text NOT NULL,
	"search_grams" text[] NOT NULL,
	"name_pinyin" text NOT NULL,
	"name_initials" text NOT NULL,
	"name_key" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enterprise_label" (
	"id" uuid PRIMARY KEY NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"label" text NOT NULL,
	"source" text,
	"valid_from" date,
	"valid_to" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enterprise_year" (
	"id" uuid PRIMARY KEY NOT NULL,
	"enterprise_id" uuid NOT NULL,
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
	"floor_rented_m2" double precision,
	"sources" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "enterprise" ADD CONSTRAINT "enterprise_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise" ADD CONSTRAINT "enterprise_park_id_park_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."park"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise" ADD CONSTRAINT "enterprise_specialist_id_app_user_id_fk" FOREIGN KEY ("specialist_id") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_label" ADD CONSTRAINT "enterprise_label_enterprise_id_enterprise_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprise"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_year" ADD CONSTRAINT "enterprise_year_enterprise_id_enterprise_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprise"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "enterprise_uscc_uq" ON "enterprise" USING btree ("uscc");--> statement-breakpoint
CREATE INDEX "enterprise_uscc_prefix_idx" ON "enterprise" USING btree ("uscc" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "enterprise_grams_idx" ON "enterprise" USING gin ("search_grams");--> statement-breakpoint
CREATE INDEX "enterprise_pinyin_trgm_idx" ON "enterprise" USING gin ("name_pinyin" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "enterprise_initials_trgm_idx" ON "enterprise" USING gin ("name_initials" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "enterprise_initials_prefix_idx" ON "enterprise" USING btree ("name_initials" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "enterprise_region_key_idx" ON "enterprise" USING btree ("region_id","name_key");--> statement-breakpoint
CREATE INDEX "enterprise_park_idx" ON "enterprise" USING btree ("park_id");--> statement-breakpoint
CREATE INDEX "enterprise_industry_idx" ON "enterprise" USING btree ("industry_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "enterprise_label_enterprise_idx" ON "enterprise_label" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "enterprise_label_label_idx" ON "enterprise_label" USING btree ("label","enterprise_id");--> statement-breakpoint
CREATE UNIQUE INDEX "enterprise_year_uq" ON "enterprise_year" USING btree ("enterprise_id","year");--> statement-breakpoint
CREATE INDEX "enterprise_year_cert_idx" ON "enterprise_year" USING btree ("land_cert_no");