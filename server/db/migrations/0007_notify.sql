CREATE TABLE "job_run" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"started_at" timestamp (3) with time zone NOT NULL,
	"finished_at" timestamp (3) with time zone,
	"status" text NOT NULL,
	"summary" text,
	"error" text,
	"actor_id" uuid
);
--> statement-breakpoint
CREATE TABLE "notification" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"region_id" uuid,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text,
	"subject_type" text,
	"subject_id" text,
	"link" text,
	"dedupe_key" text,
	"day" date NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"read_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "notify_channel" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"url" text NOT NULL,
	"secret" text,
	"enabled" boolean DEFAULT true NOT NULL,
	"kinds" text[] DEFAULT '{}'::text[] NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notify_delivery" (
	"id" uuid PRIMARY KEY NOT NULL,
	"channel_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"payload" jsonb NOT NULL,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp (3) with time zone NOT NULL,
	"last_error" text,
	"dedupe_key" text,
	"day" date NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"sent_at" timestamp (3) with time zone
);
--> statement-breakpoint
ALTER TABLE "notification" ADD CONSTRAINT "notification_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notify_delivery" ADD CONSTRAINT "notify_delivery_channel_id_notify_channel_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."notify_channel"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "job_run_name_started_idx" ON "job_run" USING btree ("name","started_at");--> statement-breakpoint
CREATE INDEX "notification_user_created_idx" ON "notification" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "notification_user_unread_idx" ON "notification" USING btree ("user_id","created_at") WHERE "notification"."read_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "notification_dedupe_uq" ON "notification" USING btree ("user_id","dedupe_key","day") WHERE "notification"."dedupe_key" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "notify_channel_name_uq" ON "notify_channel" USING btree ("name");--> statement-breakpoint
CREATE INDEX "notify_delivery_due_idx" ON "notify_delivery" USING btree ("next_attempt_at") WHERE "notify_delivery"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "notify_delivery_created_idx" ON "notify_delivery" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "notify_delivery_dedupe_uq" ON "notify_delivery" USING btree ("channel_id","dedupe_key","day") WHERE "notify_delivery"."dedupe_key" is not null;