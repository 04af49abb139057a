CREATE TABLE "enterprise_size" (
	"enterprise_id" uuid PRIMARY KEY NOT NULL,
	"size_class" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "enterprise_size" ADD CONSTRAINT "enterprise_size_enterprise_id_enterprise_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprise"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "enterprise_size_class_idx" ON "enterprise_size" USING btree ("size_class","enterprise_id");--> statement-breakpoint
INSERT INTO "enterprise_size" ("enterprise_id", "size_class") SELECT "id", "size_class" FROM "enterprise" WHERE "size_class" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "enterprise" DROP COLUMN "size_class";