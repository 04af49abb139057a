CREATE INDEX "prospect_enterprise_idx" ON "prospect" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "prospect_project_idx" ON "prospect" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "evaluation_run_scheme_idx" ON "evaluation_run" USING btree ("scheme_id");--> statement-breakpoint
CREATE INDEX "fund_exit_investment_idx" ON "fund_exit" USING btree ("investment_id");--> statement-breakpoint
CREATE INDEX "problem_event_meeting_idx" ON "problem_event" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "node_template_park_idx" ON "node_template" USING btree ("park_id");--> statement-breakpoint
CREATE INDEX "bulletin_schedule_scheme_idx" ON "bulletin_schedule" USING btree ("scheme_id");--> statement-breakpoint
CREATE INDEX "policy_application_park_idx" ON "policy_application" USING btree ("park_id");--> statement-breakpoint
CREATE INDEX "appeal_park_idx" ON "appeal" USING btree ("park_id");--> statement-breakpoint
CREATE INDEX "appeal_visit_idx" ON "appeal" USING btree ("visit_id");--> statement-breakpoint
CREATE INDEX "visit_park_idx" ON "visit" USING btree ("park_id");--> statement-breakpoint
CREATE INDEX "visit_plan_park_idx" ON "visit_plan" USING btree ("park_id");--> statement-breakpoint
CREATE INDEX "talent_payout_instalment_idx" ON "talent_payout" USING btree ("instalment_id");--> statement-breakpoint
CREATE INDEX "talent_project_enterprise_idx" ON "talent_project" USING btree ("enterprise_id");