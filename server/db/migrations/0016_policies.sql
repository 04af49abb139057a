CREATE SEQUENCE "public"."policy_application_code_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "policy_application" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"clause_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"region_id" uuid NOT NULL,
	"park_id" uuid,
	"period" text NOT NULL,
	"claimed_fen" bigint NOT NULL,
	"estimate_fen" bigint,
	"approved_fen" bigint,
	"paid_fen" bigint DEFAULT 0 NOT NULL,
	"status" text NOT NULL,
	"step_index" integer,
	"step_since" date,
	"eligible" boolean NOT NULL,
	"override_reason" text,
	"note" text,
	"file_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"applied_on" date NOT NULL,
	"applied_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "policy_application_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "policy_application_event" (
	"id" uuid PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"step" text,
	"text" text,
	"amount_fen" bigint,
	"actor_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "policy_clause" (
	"id" uuid PRIMARY KEY NOT NULL,
	"region_id" uuid NOT NULL,
	"policy_name" text NOT NULL,
	"doc_no" text,
	"clause_no" text,
	"name" text NOT NULL,
	"content" text,
	"condition" jsonb NOT NULL,
	"amount_rule" jsonb NOT NULL,
	"period" text NOT NULL,
	"valid_from" date,
	"valid_to" date,
	"steps" text[] NOT NULL,
	"department_id" uuid,
	"fair_review" boolean DEFAULT false NOT NULL,
	"fair_review_note" text,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "policy_payout" (
	"id" uuid PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"amount_fen" bigint NOT NULL,
	"paid_on" date NOT NULL,
	"voucher_no" text,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "policy_application" ADD CONSTRAINT "policy_application_clause_id_policy_clause_id_fk" FOREIGN KEY ("clause_id") REFERENCES "public"."policy_clause"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_application" ADD CONSTRAINT "policy_application_enterprise_id_enterprise_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprise"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_application" ADD CONSTRAINT "policy_application_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_application" ADD CONSTRAINT "policy_application_park_id_park_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."park"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_application" ADD CONSTRAINT "policy_application_applied_by_app_user_id_fk" FOREIGN KEY ("applied_by") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_application_event" ADD CONSTRAINT "policy_application_event_application_id_policy_application_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."policy_application"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_application_event" ADD CONSTRAINT "policy_application_event_actor_id_app_user_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_clause" ADD CONSTRAINT "policy_clause_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_clause" ADD CONSTRAINT "policy_clause_department_id_department_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."department"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_payout" ADD CONSTRAINT "policy_payout_application_id_policy_application_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."policy_application"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_payout" ADD CONSTRAINT "policy_payout_recorded_by_app_user_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "policy_application_once_uq" ON "policy_application" USING btree ("clause_id","enterprise_id","period") WHERE "policy_application"."status" <> 'rejected';--> statement-breakpoint
CREATE INDEX "policy_application_enterprise_idx" ON "policy_application" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "policy_application_region_idx" ON "policy_application" USING btree ("region_id","status");--> statement-breakpoint
CREATE INDEX "policy_application_event_app_idx" ON "policy_application_event" USING btree ("application_id","at");--> statement-breakpoint
CREATE INDEX "policy_clause_region_idx" ON "policy_clause" USING btree ("region_id","active");--> statement-breakpoint
CREATE INDEX "policy_payout_app_idx" ON "policy_payout" USING btree ("application_id");