CREATE TABLE "import_chunk" (
	"job_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"rows" integer NOT NULL,
	"body" text NOT NULL,
	CONSTRAINT "import_chunk_job_id_seq_pk" PRIMARY KEY("job_id","seq")
);
--> statement-breakpoint
-- The text lives from a dry run to its commit: compressing it cost more than it saved.
ALTER TABLE "import_chunk" ALTER COLUMN "body" SET STORAGE EXTERNAL;--> statement-breakpoint
-- Enterprise dry runs now set their rows aside in import_chunk on PostgreSQL (the commit stages
-- them) and stage the new pinyin_grams column on PGlite: rows staged before this migration have
-- neither, so their jobs are run again.
DELETE FROM "enterprise_stage";--> statement-breakpoint
UPDATE "import_job" SET "status" = 'uploaded', "counts" = NULL WHERE "entity" = 'enterprise' AND "status" = 'validated';--> statement-breakpoint
ALTER TABLE "enterprise_stage" ADD COLUMN "pinyin_grams" text[] NOT NULL;--> statement-breakpoint
-- Yearly rows staged before this migration lack the firm the dry run now resolves: run again.
DELETE FROM "enterprise_year_stage";--> statement-breakpoint
UPDATE "import_job" SET "status" = 'uploaded', "counts" = NULL WHERE "entity" = 'enterprise_year' AND "status" = 'validated';--> statement-breakpoint
ALTER TABLE "enterprise_year_stage" ADD COLUMN "enterprise_id" uuid;--> statement-breakpoint
ALTER TABLE "enterprise_year_stage" ADD COLUMN "region_id" uuid;--> statement-breakpoint
ALTER TABLE "enterprise_year_stage" ADD COLUMN "sources" jsonb;--> statement-breakpoint
-- The full pinyin's 4-letter grams (pinyinGramsOf in enterprises.search.ts) for firms written
-- before this migration: pinyin is ASCII letters and digits, so substr cuts what JS slices.
-- IF NOT EXISTS: a migration generated beside this one in the same working tree may have added
-- the column and its index already.
ALTER TABLE "enterprise" ADD COLUMN IF NOT EXISTS "pinyin_grams" text[];--> statement-breakpoint
UPDATE "enterprise" SET "pinyin_grams" = ARRAY(SELECT DISTINCT substr("name_pinyin", i, 4) FROM generate_series(1, length("name_pinyin") - 3) AS i) WHERE "pinyin_grams" IS NULL;--> statement-breakpoint
ALTER TABLE "enterprise" ALTER COLUMN "pinyin_grams" SET NOT NULL;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "enterprise_pinyin_grams_idx" ON "enterprise" USING gin ("pinyin_grams");--> statement-breakpoint
ALTER TABLE "import_chunk" ADD CONSTRAINT "import_chunk_job_id_import_job_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."import_job"("id") ON DELETE cascade ON UPDATE no action;
