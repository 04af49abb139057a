CREATE TABLE "talent" (
	"id" uuid PRIMARY KEY NOT NULL,
	"region_id" uuid NOT NULL,
	"park_id" uuid NOT NULL,
	"enterprise_id" uuid,
	"name" text NOT NULL,
	"gender" text NOT NULL,
	"birth_year" integer,
	"education" text,
	"title" text,
	"field" text,
	"phone" text,
	"id_number" text,
	"email" text,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "talent_allocation" (
	"id" uuid PRIMARY KEY NOT NULL,
	"region_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"talent_id" uuid NOT NULL,
	"from_on" date NOT NULL,
	"to_on" date NOT NULL,
	"checked_in_on" date,
	"checked_out_on" date,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "talent_instalment" (
	"id" uuid PRIMARY KEY NOT NULL,
	"project_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"amount_fen" bigint NOT NULL,
	"condition" text NOT NULL,
	"due_on" date,
	"condition_met" boolean DEFAULT false NOT NULL,
	"met_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "talent_payout" (
	"id" uuid PRIMARY KEY NOT NULL,
	"instalment_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"amount_fen" bigint NOT NULL,
	"paid_on" date NOT NULL,
	"voucher" text NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "talent_programme" (
	"id" uuid PRIMARY KEY NOT NULL,
	"region_id" uuid NOT NULL,
	"name" text NOT NULL,
	"levels" jsonb NOT NULL,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "talent_project" (
	"id" uuid PRIMARY KEY NOT NULL,
	"region_id" uuid NOT NULL,
	"park_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"talent_id" uuid NOT NULL,
	"enterprise_id" uuid,
	"name" text NOT NULL,
	"field" text,
	"level_applied" text NOT NULL,
	"level_recognised" text,
	"status" text DEFAULT 'applied' NOT NULL,
	"applied_on" date NOT NULL,
	"recognised_on" date,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "talent_round" (
	"id" uuid PRIMARY KEY NOT NULL,
	"region_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"name" text NOT NULL,
	"opens_on" date NOT NULL,
	"closes_on" date NOT NULL,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "talent_unit" (
	"id" uuid PRIMARY KEY NOT NULL,
	"region_id" uuid NOT NULL,
	"park_id" uuid NOT NULL,
	"building" text NOT NULL,
	"name" text NOT NULL,
	"address" text,
	"rooms" integer NOT NULL,
	"area_m2" double precision,
	"rent_fen_month" bigint,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "talent" ADD CONSTRAINT "talent_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent" ADD CONSTRAINT "talent_park_id_park_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."park"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent" ADD CONSTRAINT "talent_enterprise_id_enterprise_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprise"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_allocation" ADD CONSTRAINT "talent_allocation_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_allocation" ADD CONSTRAINT "talent_allocation_unit_id_talent_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."talent_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_allocation" ADD CONSTRAINT "talent_allocation_talent_id_talent_id_fk" FOREIGN KEY ("talent_id") REFERENCES "public"."talent"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_instalment" ADD CONSTRAINT "talent_instalment_project_id_talent_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."talent_project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_payout" ADD CONSTRAINT "talent_payout_instalment_id_talent_instalment_id_fk" FOREIGN KEY ("instalment_id") REFERENCES "public"."talent_instalment"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_payout" ADD CONSTRAINT "talent_payout_project_id_talent_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."talent_project"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_payout" ADD CONSTRAINT "talent_payout_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_programme" ADD CONSTRAINT "talent_programme_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_project" ADD CONSTRAINT "talent_project_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_project" ADD CONSTRAINT "talent_project_park_id_park_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."park"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_project" ADD CONSTRAINT "talent_project_round_id_talent_round_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."talent_round"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_project" ADD CONSTRAINT "talent_project_talent_id_talent_id_fk" FOREIGN KEY ("talent_id") REFERENCES "public"."talent"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_project" ADD CONSTRAINT "talent_project_enterprise_id_enterprise_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprise"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_round" ADD CONSTRAINT "talent_round_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_round" ADD CONSTRAINT "talent_round_programme_id_talent_programme_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."talent_programme"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_unit" ADD CONSTRAINT "talent_unit_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_unit" ADD CONSTRAINT "talent_unit_park_id_park_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."park"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "talent_park_idx" ON "talent" USING btree ("park_id");--> statement-breakpoint
CREATE INDEX "talent_enterprise_idx" ON "talent" USING btree ("enterprise_id");--> statement-breakpoint
CREATE UNIQUE INDEX "talent_id_number_uq" ON "talent" USING btree ("id_number");--> statement-breakpoint
CREATE INDEX "talent_allocation_unit_idx" ON "talent_allocation" USING btree ("unit_id","from_on");--> statement-breakpoint
CREATE INDEX "talent_allocation_talent_idx" ON "talent_allocation" USING btree ("talent_id");--> statement-breakpoint
CREATE UNIQUE INDEX "talent_instalment_seq_uq" ON "talent_instalment" USING btree ("project_id","seq");--> statement-breakpoint
CREATE INDEX "talent_payout_project_idx" ON "talent_payout" USING btree ("project_id","paid_on");--> statement-breakpoint
CREATE UNIQUE INDEX "talent_programme_name_uq" ON "talent_programme" USING btree ("region_id","name");--> statement-breakpoint
CREATE INDEX "talent_project_round_idx" ON "talent_project" USING btree ("round_id","status");--> statement-breakpoint
CREATE INDEX "talent_project_park_idx" ON "talent_project" USING btree ("park_id","recognised_on");--> statement-breakpoint
CREATE INDEX "talent_project_talent_idx" ON "talent_project" USING btree ("talent_id");--> statement-breakpoint
CREATE UNIQUE INDEX "talent_round_name_uq" ON "talent_round" USING btree ("programme_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "talent_unit_name_uq" ON "talent_unit" USING btree ("park_id","building","name");