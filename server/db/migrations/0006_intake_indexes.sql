CREATE INDEX "activities_occurred_idx" ON "activities" USING btree ("occurred_at");--> statement-breakpoint
CREATE INDEX "activities_plan_idx" ON "activities" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "customer_cases_received_idx" ON "customer_cases" USING btree ("received_at");--> statement-breakpoint
CREATE INDEX "customer_cases_owner_idx" ON "customer_cases" USING btree ("owner_user_id","received_at");--> statement-breakpoint
CREATE INDEX "customer_cases_department_idx" ON "customer_cases" USING btree ("department_id","received_at");--> statement-breakpoint
CREATE INDEX "leads_registered_idx" ON "leads" USING btree ("registered_at");--> statement-breakpoint
CREATE INDEX "visit_log_days_date_idx" ON "visit_log_days" USING btree ("log_date");