CREATE TABLE "saved_view" (
	"id" uuid PRIMARY KEY NOT NULL,
	"list_key" text NOT NULL,
	"name" text NOT NULL,
	"owner_id" uuid NOT NULL,
	"region_id" uuid,
	"unit_kind" text,
	"unit_id" uuid,
	"shared" boolean DEFAULT false NOT NULL,
	"state" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "saved_view" ADD CONSTRAINT "saved_view_owner_id_app_user_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."app_user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saved_view" ADD CONSTRAINT "saved_view_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "saved_view_owner_name_uq" ON "saved_view" USING btree ("owner_id","list_key","name");--> statement-breakpoint
CREATE INDEX "saved_view_unit_idx" ON "saved_view" USING btree ("list_key","unit_kind","unit_id") WHERE "saved_view"."shared";