CREATE TABLE "activity" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"mode" text,
	"event_type" text,
	"title" text NOT NULL,
	"held_on" date NOT NULL,
	"end_on" date,
	"place" text,
	"city" text,
	"region_id" uuid NOT NULL,
	"park_id" uuid,
	"team_id" uuid,
	"summary" text,
	"outcome" text,
	"our_user_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"our_names" text[] DEFAULT '{}'::text[] NOT NULL,
	"their_people" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"file_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "activity_link" (
	"activity_id" uuid NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"role" text DEFAULT 'about' NOT NULL,
	"label" text NOT NULL,
	CONSTRAINT "activity_link_activity_id_subject_type_subject_id_pk" PRIMARY KEY("activity_id","subject_type","subject_id")
);
--> statement-breakpoint
ALTER TABLE "activity" ADD CONSTRAINT "activity_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity" ADD CONSTRAINT "activity_park_id_park_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."park"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity" ADD CONSTRAINT "activity_team_id_team_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."team"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity" ADD CONSTRAINT "activity_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_link" ADD CONSTRAINT "activity_link_activity_id_activity_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activity"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activity_region_held_idx" ON "activity" USING btree ("region_id","held_on");--> statement-breakpoint
CREATE INDEX "activity_park_held_idx" ON "activity" USING btree ("park_id","held_on");--> statement-breakpoint
CREATE INDEX "activity_team_held_idx" ON "activity" USING btree ("team_id","held_on");--> statement-breakpoint
CREATE INDEX "activity_held_idx" ON "activity" USING btree ("held_on","id");--> statement-breakpoint
CREATE INDEX "activity_our_users_idx" ON "activity" USING gin ("our_user_ids");--> statement-breakpoint
CREATE INDEX "activity_link_subject_idx" ON "activity_link" USING btree ("subject_type","subject_id");