CREATE TABLE "fund" (
	"id" uuid PRIMARY KEY NOT NULL,
	"region_id" uuid NOT NULL,
	"park_id" uuid,
	"name" text NOT NULL,
	"manager_id" uuid,
	"size_fen" bigint NOT NULL,
	"committed_fen" bigint NOT NULL,
	"government_fen" bigint DEFAULT 0 NOT NULL,
	"inception_on" date NOT NULL,
	"term_years" integer NOT NULL,
	"status" text DEFAULT 'investing' NOT NULL,
	"focus" text[] DEFAULT '{}'::text[] NOT NULL,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fund_call" (
	"id" uuid PRIMARY KEY NOT NULL,
	"fund_id" uuid NOT NULL,
	"region_id" uuid NOT NULL,
	"called_on" date NOT NULL,
	"amount_fen" bigint NOT NULL,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fund_exit" (
	"id" uuid PRIMARY KEY NOT NULL,
	"fund_id" uuid NOT NULL,
	"investment_id" uuid NOT NULL,
	"region_id" uuid NOT NULL,
	"exited_on" date NOT NULL,
	"proceeds_fen" bigint NOT NULL,
	"way" text NOT NULL,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fund_investment" (
	"id" uuid PRIMARY KEY NOT NULL,
	"fund_id" uuid NOT NULL,
	"region_id" uuid NOT NULL,
	"park_id" uuid,
	"enterprise_id" uuid,
	"project_id" uuid,
	"amount_fen" bigint NOT NULL,
	"co_invest_fen" bigint DEFAULT 0 NOT NULL,
	"invested_on" date NOT NULL,
	"round" text DEFAULT 'other' NOT NULL,
	"stake_pct" double precision,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fund_project" (
	"id" uuid PRIMARY KEY NOT NULL,
	"fund_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"region_id" uuid NOT NULL,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "fund" ADD CONSTRAINT "fund_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund" ADD CONSTRAINT "fund_park_id_park_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."park"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund" ADD CONSTRAINT "fund_manager_id_enterprise_id_fk" FOREIGN KEY ("manager_id") REFERENCES "public"."enterprise"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_call" ADD CONSTRAINT "fund_call_fund_id_fund_id_fk" FOREIGN KEY ("fund_id") REFERENCES "public"."fund"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_call" ADD CONSTRAINT "fund_call_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_exit" ADD CONSTRAINT "fund_exit_fund_id_fund_id_fk" FOREIGN KEY ("fund_id") REFERENCES "public"."fund"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_exit" ADD CONSTRAINT "fund_exit_investment_id_fund_investment_id_fk" FOREIGN KEY ("investment_id") REFERENCES "public"."fund_investment"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_exit" ADD CONSTRAINT "fund_exit_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_investment" ADD CONSTRAINT "fund_investment_fund_id_fund_id_fk" FOREIGN KEY ("fund_id") REFERENCES "public"."fund"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_investment" ADD CONSTRAINT "fund_investment_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_investment" ADD CONSTRAINT "fund_investment_park_id_park_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."park"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_investment" ADD CONSTRAINT "fund_investment_enterprise_id_enterprise_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprise"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_investment" ADD CONSTRAINT "fund_investment_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_project" ADD CONSTRAINT "fund_project_fund_id_fund_id_fk" FOREIGN KEY ("fund_id") REFERENCES "public"."fund"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_project" ADD CONSTRAINT "fund_project_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_project" ADD CONSTRAINT "fund_project_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "fund_region_name_uq" ON "fund" USING btree ("region_id","name");--> statement-breakpoint
CREATE INDEX "fund_park_idx" ON "fund" USING btree ("park_id");--> statement-breakpoint
CREATE INDEX "fund_manager_idx" ON "fund" USING btree ("manager_id");--> statement-breakpoint
CREATE INDEX "fund_call_fund_idx" ON "fund_call" USING btree ("fund_id","called_on");--> statement-breakpoint
CREATE INDEX "fund_exit_fund_idx" ON "fund_exit" USING btree ("fund_id","exited_on");--> statement-breakpoint
CREATE INDEX "fund_investment_fund_idx" ON "fund_investment" USING btree ("fund_id","invested_on");--> statement-breakpoint
CREATE INDEX "fund_investment_park_idx" ON "fund_investment" USING btree ("park_id","invested_on");--> statement-breakpoint
CREATE INDEX "fund_investment_enterprise_idx" ON "fund_investment" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "fund_investment_project_idx" ON "fund_investment" USING btree ("project_id");--> statement-breakpoint
CREATE UNIQUE INDEX "fund_project_uq" ON "fund_project" USING btree ("fund_id","project_id");--> statement-breakpoint
CREATE INDEX "fund_project_project_idx" ON "fund_project" USING btree ("project_id");