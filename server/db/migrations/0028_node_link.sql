CREATE TABLE "site_import_stage" (
	"job_id" uuid NOT NULL,
	"row_no" integer NOT NULL,
	"row" jsonb NOT NULL,
	CONSTRAINT "site_import_stage_job_id_row_no_pk" PRIMARY KEY("job_id","row_no")
);
--> statement-breakpoint
ALTER TABLE "project_node" ADD COLUMN "link_type" text;--> statement-breakpoint
ALTER TABLE "project_node" ADD COLUMN "link_id" uuid;--> statement-breakpoint
ALTER TABLE "project_node" ADD COLUMN "link_label" text;