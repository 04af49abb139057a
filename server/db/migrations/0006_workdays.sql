CREATE TABLE "workday" (
	"day" date PRIMARY KEY NOT NULL,
	"is_workday" boolean NOT NULL,
	"seq" integer NOT NULL,
	"source" text NOT NULL,
	"name" text
);
--> statement-breakpoint
CREATE TABLE "workday_override" (
	"day" date PRIMARY KEY NOT NULL,
	"is_workday" boolean NOT NULL,
	"name" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "workday_override" ADD CONSTRAINT "workday_override_updated_by_app_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "workday_seq_uq" ON "workday" USING btree ("seq") WHERE "workday"."is_workday";