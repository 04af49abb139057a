ALTER TABLE "enterprise_size" DROP CONSTRAINT "enterprise_size_enterprise_id_enterprise_id_fk";
--> statement-breakpoint
CREATE FUNCTION "enterprise_size_gone"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "enterprise_size" WHERE "enterprise_id" = OLD."id";
  RETURN OLD;
END $$;--> statement-breakpoint
CREATE TRIGGER "enterprise_size_gone" AFTER DELETE ON "enterprise" FOR EACH ROW EXECUTE FUNCTION "enterprise_size_gone"();
