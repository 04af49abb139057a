ALTER TABLE "notify_channel" ADD COLUMN "recipients" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "notify_channel" ADD COLUMN "sender" text;