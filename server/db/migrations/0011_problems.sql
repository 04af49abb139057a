CREATE TABLE "meeting" (
	"id" uuid PRIMARY KEY NOT NULL,
	"region_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"held_on" date NOT NULL,
	"title" text NOT NULL,
	"chaired_by" text,
	"attendees" text[] DEFAULT '{}'::text[] NOT NULL,
	"minutes" text,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_item" (
	"id" uuid PRIMARY KEY NOT NULL,
	"meeting_id" uuid NOT NULL,
	"problem_id" uuid NOT NULL,
	"decision" text NOT NULL,
	"department_id" uuid,
	"deadline_workdays" integer,
	"due_on" date,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "problem" (
	"id" uuid PRIMARY KEY NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"region_id" uuid NOT NULL,
	"title" text NOT NULL,
	"detail" text,
	"category" text NOT NULL,
	"raised_on" date NOT NULL,
	"raised_by" uuid,
	"department_id" uuid,
	"assigned_on" date,
	"deadline_workdays" integer,
	"due_on" date,
	"status" text DEFAULT 'open' NOT NULL,
	"resolution" text,
	"resolved_on" date,
	"closed_on" date,
	"escalated" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "problem_event" (
	"id" uuid PRIMARY KEY NOT NULL,
	"problem_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"department_id" uuid,
	"from_department_id" uuid,
	"due_on" date,
	"text" text,
	"meeting_id" uuid,
	"actor_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "meeting" ADD CONSTRAINT "meeting_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting" ADD CONSTRAINT "meeting_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_item" ADD CONSTRAINT "meeting_item_meeting_id_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meeting"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_item" ADD CONSTRAINT "meeting_item_problem_id_problem_id_fk" FOREIGN KEY ("problem_id") REFERENCES "public"."problem"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_item" ADD CONSTRAINT "meeting_item_department_id_department_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."department"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_item" ADD CONSTRAINT "meeting_item_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem" ADD CONSTRAINT "problem_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem" ADD CONSTRAINT "problem_raised_by_app_user_id_fk" FOREIGN KEY ("raised_by") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem" ADD CONSTRAINT "problem_department_id_department_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."department"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_event" ADD CONSTRAINT "problem_event_problem_id_problem_id_fk" FOREIGN KEY ("problem_id") REFERENCES "public"."problem"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_event" ADD CONSTRAINT "problem_event_department_id_department_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."department"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_event" ADD CONSTRAINT "problem_event_from_department_id_department_id_fk" FOREIGN KEY ("from_department_id") REFERENCES "public"."department"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_event" ADD CONSTRAINT "problem_event_meeting_id_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meeting"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_event" ADD CONSTRAINT "problem_event_actor_id_app_user_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "meeting_region_held_idx" ON "meeting" USING btree ("region_id","held_on");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_item_meeting_problem_uq" ON "meeting_item" USING btree ("meeting_id","problem_id");--> statement-breakpoint
CREATE INDEX "meeting_item_problem_idx" ON "meeting_item" USING btree ("problem_id");--> statement-breakpoint
CREATE INDEX "problem_subject_idx" ON "problem" USING btree ("subject_type","subject_id","status");--> statement-breakpoint
CREATE INDEX "problem_region_idx" ON "problem" USING btree ("region_id","status");--> statement-breakpoint
CREATE INDEX "problem_department_idx" ON "problem" USING btree ("department_id","status","due_on");--> statement-breakpoint
CREATE INDEX "problem_open_due_idx" ON "problem" USING btree ("due_on") WHERE "problem"."status" in ('open', 'in_progress') and "problem"."due_on" is not null;--> statement-breakpoint
CREATE INDEX "problem_event_problem_idx" ON "problem_event" USING btree ("problem_id","at");--> statement-breakpoint
CREATE INDEX "problem_event_department_idx" ON "problem_event" USING btree ("department_id","problem_id");