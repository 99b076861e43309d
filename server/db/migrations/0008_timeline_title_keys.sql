ALTER TABLE "timeline_entries" ADD COLUMN "title_key" text;--> statement-breakpoint
ALTER TABLE "timeline_entries" ADD COLUMN "title_params" jsonb;