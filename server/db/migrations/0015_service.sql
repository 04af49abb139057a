CREATE SEQUENCE "public"."appeal_code_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "appeal" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"region_id" uuid NOT NULL,
	"park_id" uuid,
	"visit_id" uuid,
	"title" text NOT NULL,
	"category" text NOT NULL,
	"detail" text,
	"raised_on" date NOT NULL,
	"raised_by" uuid,
	"by_enterprise" boolean DEFAULT false NOT NULL,
	"department_id" uuid,
	"routed_on" date,
	"deadline_workdays" integer,
	"due_on" date,
	"status" text NOT NULL,
	"resolution" text,
	"resolved_on" date,
	"closed_on" date,
	"rating" integer,
	"rating_comment" text,
	"escalated" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "appeal_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "appeal_deadline" (
	"region_id" uuid NOT NULL,
	"category" text NOT NULL,
	"workdays" integer NOT NULL,
	CONSTRAINT "appeal_deadline_region_id_category_pk" PRIMARY KEY("region_id","category")
);
--> statement-breakpoint
CREATE TABLE "appeal_event" (
	"id" uuid PRIMARY KEY NOT NULL,
	"appeal_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"department_id" uuid,
	"from_department_id" uuid,
	"due_on" date,
	"text" text,
	"rating" integer,
	"actor_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enterprise_invitation" (
	"id" uuid PRIMARY KEY NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"region_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"contact_name" text NOT NULL,
	"phone" text,
	"expires_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"accepted_user_id" uuid,
	"revoked_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "enterprise_invitation_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "visit" (
	"id" uuid PRIMARY KEY NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"region_id" uuid NOT NULL,
	"park_id" uuid,
	"visited_on" date NOT NULL,
	"method" text NOT NULL,
	"visitor_id" uuid,
	"companions" text,
	"met_with" text,
	"findings" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "visit_plan" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"region_id" uuid NOT NULL,
	"park_id" uuid,
	"period" text NOT NULL,
	"condition" jsonb NOT NULL,
	"target_rate" double precision DEFAULT 100 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "appeal" ADD CONSTRAINT "appeal_enterprise_id_enterprise_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprise"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeal" ADD CONSTRAINT "appeal_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeal" ADD CONSTRAINT "appeal_park_id_park_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."park"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeal" ADD CONSTRAINT "appeal_visit_id_visit_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."visit"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeal" ADD CONSTRAINT "appeal_raised_by_app_user_id_fk" FOREIGN KEY ("raised_by") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeal" ADD CONSTRAINT "appeal_department_id_department_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."department"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeal_deadline" ADD CONSTRAINT "appeal_deadline_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeal_event" ADD CONSTRAINT "appeal_event_appeal_id_appeal_id_fk" FOREIGN KEY ("appeal_id") REFERENCES "public"."appeal"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeal_event" ADD CONSTRAINT "appeal_event_department_id_department_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."department"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeal_event" ADD CONSTRAINT "appeal_event_from_department_id_department_id_fk" FOREIGN KEY ("from_department_id") REFERENCES "public"."department"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeal_event" ADD CONSTRAINT "appeal_event_actor_id_app_user_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_invitation" ADD CONSTRAINT "enterprise_invitation_enterprise_id_enterprise_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprise"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_invitation" ADD CONSTRAINT "enterprise_invitation_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_invitation" ADD CONSTRAINT "enterprise_invitation_accepted_user_id_app_user_id_fk" FOREIGN KEY ("accepted_user_id") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_invitation" ADD CONSTRAINT "enterprise_invitation_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit" ADD CONSTRAINT "visit_enterprise_id_enterprise_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprise"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit" ADD CONSTRAINT "visit_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit" ADD CONSTRAINT "visit_park_id_park_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."park"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit" ADD CONSTRAINT "visit_visitor_id_app_user_id_fk" FOREIGN KEY ("visitor_id") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_plan" ADD CONSTRAINT "visit_plan_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_plan" ADD CONSTRAINT "visit_plan_park_id_park_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."park"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "appeal_enterprise_idx" ON "appeal" USING btree ("enterprise_id","status");--> statement-breakpoint
CREATE INDEX "appeal_region_idx" ON "appeal" USING btree ("region_id","status","raised_on");--> statement-breakpoint
CREATE INDEX "appeal_department_idx" ON "appeal" USING btree ("department_id","status","due_on");--> statement-breakpoint
CREATE INDEX "appeal_active_due_idx" ON "appeal" USING btree ("due_on") WHERE "appeal"."status" in ('routed', 'accepted') and "appeal"."due_on" is not null;--> statement-breakpoint
CREATE INDEX "appeal_event_appeal_idx" ON "appeal_event" USING btree ("appeal_id","at");--> statement-breakpoint
CREATE INDEX "appeal_event_department_idx" ON "appeal_event" USING btree ("department_id","appeal_id");--> statement-breakpoint
CREATE INDEX "enterprise_invitation_enterprise_idx" ON "enterprise_invitation" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "visit_enterprise_day_idx" ON "visit" USING btree ("enterprise_id","visited_on");--> statement-breakpoint
CREATE INDEX "visit_region_day_idx" ON "visit" USING btree ("region_id","visited_on");--> statement-breakpoint
CREATE INDEX "visit_visitor_day_idx" ON "visit" USING btree ("visitor_id","visited_on");--> statement-breakpoint
CREATE INDEX "visit_plan_region_idx" ON "visit_plan" USING btree ("region_id");