CREATE TABLE "project_import_stage" (
	"job_id" uuid NOT NULL,
	"row_no" integer NOT NULL,
	"row" jsonb NOT NULL,
	CONSTRAINT "project_import_stage_job_id_row_no_pk" PRIMARY KEY("job_id","row_no")
);
