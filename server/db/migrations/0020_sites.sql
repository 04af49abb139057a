CREATE TABLE "site" (
	"id" uuid PRIMARY KEY NOT NULL,
	"region_id" uuid NOT NULL,
	"park_id" uuid NOT NULL,
	"name" text NOT NULL,
	"code" text,
	"kind" text NOT NULL,
	"geometry" jsonb NOT NULL,
	"min_lng" double precision NOT NULL,
	"min_lat" double precision NOT NULL,
	"max_lng" double precision NOT NULL,
	"max_lat" double precision NOT NULL,
	"area_m2" double precision,
	"geometry_area_m2" double precision NOT NULL,
	"land_use" text,
	"plot_ratio_max" double precision,
	"height_max_m" double precision,
	"floor_load_kn_m2" double precision,
	"power_kva" double precision,
	"status" text DEFAULT 'available' NOT NULL,
	"stock_category" text,
	"owner" text,
	"price_fen" bigint,
	"rent_fen_m2_month" bigint,
	"certificate_no" text,
	"address" text,
	"enterprise_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"project_id" uuid,
	"reserved_on" date,
	"recovered_on" date,
	"checked_on" date,
	"check_note" text,
	"checked_by" uuid,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "site_demand" (
	"project_id" uuid PRIMARY KEY NOT NULL,
	"kinds" text[] NOT NULL,
	"area_min_m2" double precision,
	"area_max_m2" double precision,
	"land_use" text,
	"floor_load_kn_m2" double precision,
	"height_m" double precision,
	"power_kva" double precision,
	"park_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"needed_on" date,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "site" ADD CONSTRAINT "site_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site" ADD CONSTRAINT "site_park_id_park_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."park"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site" ADD CONSTRAINT "site_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site" ADD CONSTRAINT "site_checked_by_app_user_id_fk" FOREIGN KEY ("checked_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_demand" ADD CONSTRAINT "site_demand_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "site_bbox_idx" ON "site" USING btree ("min_lng","min_lat");--> statement-breakpoint
CREATE INDEX "site_park_idx" ON "site" USING btree ("park_id","status");--> statement-breakpoint
CREATE INDEX "site_status_idx" ON "site" USING btree ("status","kind");--> statement-breakpoint
CREATE INDEX "site_project_idx" ON "site" USING btree ("project_id");