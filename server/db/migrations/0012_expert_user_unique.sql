DROP INDEX "expert_user_idx";--> statement-breakpoint
CREATE UNIQUE INDEX "expert_user_uq" ON "expert" USING btree ("user_id");