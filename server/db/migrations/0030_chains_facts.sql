CREATE TABLE "chain_fact" (
	"chain_id" uuid PRIMARY KEY NOT NULL,
	"gen" integer DEFAULT 1 NOT NULL,
	"computed_gen" integer DEFAULT 0 NOT NULL,
	"as_of" text,
	"firms" integer DEFAULT 0 NOT NULL,
	"output_wan" double precision DEFAULT 0 NOT NULL,
	"tax_wan" double precision DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "chain_link_fact" (
	"link_id" uuid PRIMARY KEY NOT NULL,
	"chain_id" uuid NOT NULL,
	"firm_count" integer NOT NULL,
	"leader_count" integer NOT NULL,
	"output_wan" double precision NOT NULL,
	"tax_wan" double precision NOT NULL,
	"revenue_wan" double precision NOT NULL,
	"hnte_count" integer NOT NULL,
	"srdi_count" integer NOT NULL,
	"giant_count" integer NOT NULL,
	"listed_count" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "chain_fact" ADD CONSTRAINT "chain_fact_chain_id_chain_id_fk" FOREIGN KEY ("chain_id") REFERENCES "public"."chain"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chain_link_fact" ADD CONSTRAINT "chain_link_fact_link_id_chain_link_id_fk" FOREIGN KEY ("link_id") REFERENCES "public"."chain_link"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chain_link_fact" ADD CONSTRAINT "chain_link_fact_chain_id_chain_id_fk" FOREIGN KEY ("chain_id") REFERENCES "public"."chain"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "chain_link_fact_chain_idx" ON "chain_link_fact" USING btree ("chain_id");--> statement-breakpoint
CREATE FUNCTION "chain_fact_bump_chains"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "chain_fact" SET "gen" = "gen" + 1 WHERE "chain_id" IN (SELECT "chain_id" FROM changed);
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE FUNCTION "chain_fact_bump_links"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "chain_fact" SET "gen" = "gen" + 1 WHERE "chain_id" IN (
    SELECT l."chain_id" FROM "chain_link" l WHERE l."id" IN (SELECT "link_id" FROM changed));
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE FUNCTION "chain_fact_bump_firms"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "chain_fact" SET "gen" = "gen" + 1 WHERE "chain_id" IN (
    SELECT l."chain_id" FROM "chain_link_firm" f JOIN "chain_link" l ON l."id" = f."link_id"
    WHERE f."enterprise_id" IN (SELECT "enterprise_id" FROM changed));
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "chain_fact_link_ins" AFTER INSERT ON "chain_link" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "chain_fact_bump_chains"();--> statement-breakpoint
CREATE TRIGGER "chain_fact_link_del" AFTER DELETE ON "chain_link" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "chain_fact_bump_chains"();--> statement-breakpoint
CREATE TRIGGER "chain_fact_link_firm_ins" AFTER INSERT ON "chain_link_firm" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "chain_fact_bump_links"();--> statement-breakpoint
CREATE TRIGGER "chain_fact_link_firm_upd" AFTER UPDATE ON "chain_link_firm" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "chain_fact_bump_links"();--> statement-breakpoint
CREATE TRIGGER "chain_fact_link_firm_del" AFTER DELETE ON "chain_link_firm" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "chain_fact_bump_links"();--> statement-breakpoint
CREATE TRIGGER "chain_fact_year_ins" AFTER INSERT ON "enterprise_year" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "chain_fact_bump_firms"();--> statement-breakpoint
CREATE TRIGGER "chain_fact_year_upd" AFTER UPDATE ON "enterprise_year" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "chain_fact_bump_firms"();--> statement-breakpoint
CREATE TRIGGER "chain_fact_year_del" AFTER DELETE ON "enterprise_year" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "chain_fact_bump_firms"();--> statement-breakpoint
CREATE TRIGGER "chain_fact_label_ins" AFTER INSERT ON "enterprise_label" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "chain_fact_bump_firms"();--> statement-breakpoint
CREATE TRIGGER "chain_fact_label_upd" AFTER UPDATE ON "enterprise_label" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "chain_fact_bump_firms"();--> statement-breakpoint
CREATE TRIGGER "chain_fact_label_del" AFTER DELETE ON "enterprise_label" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "chain_fact_bump_firms"();
