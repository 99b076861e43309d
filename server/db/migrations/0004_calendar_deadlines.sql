CREATE TABLE "calendar_years" (
	"year" integer PRIMARY KEY NOT NULL,
	"holidays" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"workdays" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"periods" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"source" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendar_years_year_ck" CHECK ("calendar_years"."year" BETWEEN 2000 AND 2100)
);
--> statement-breakpoint
CREATE TABLE "working_hours" (
	"id" text PRIMARY KEY NOT NULL,
	"periods" jsonb NOT NULL,
	"time_zone" text DEFAULT 'Asia/Shanghai' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deadline_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"deadline_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"fired_at" timestamp with time zone NOT NULL,
	"recipient_user_ids" jsonb DEFAULT '[]'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deadline_policies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"kind" text NOT NULL,
	"amount" integer NOT NULL,
	"tolerance_working_days" integer DEFAULT 0 NOT NULL,
	"remind_before" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"escalate" boolean DEFAULT true NOT NULL,
	"escalation_interval_working_days" integer DEFAULT 1 NOT NULL,
	"edited_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "deadline_policies_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "deadlines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"policy_id" uuid NOT NULL,
	"policy_code" text NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" text NOT NULL,
	"step" text NOT NULL,
	"title" text,
	"link" text,
	"owner_user_id" uuid NOT NULL,
	"department_id" uuid,
	"kind" text NOT NULL,
	"amount" integer NOT NULL,
	"tolerance_working_days" integer NOT NULL,
	"remind_before" jsonb NOT NULL,
	"escalate" boolean NOT NULL,
	"escalation_interval_working_days" integer NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"breach_at" timestamp with time zone NOT NULL,
	"reminder_ats" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"escalation2_at" timestamp with time zone,
	"next_event_at" timestamp with time zone,
	"state" text DEFAULT 'running' NOT NULL,
	"paused_at" timestamp with time zone,
	"pause_reason" text,
	"paused_ms" bigint DEFAULT 0 NOT NULL,
	"paused_working_ms" bigint DEFAULT 0 NOT NULL,
	"breached_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"late_working_days" integer,
	"provisional" boolean DEFAULT false NOT NULL,
	"recompute" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "deadline_events" ADD CONSTRAINT "deadline_events_deadline_id_deadlines_id_fk" FOREIGN KEY ("deadline_id") REFERENCES "public"."deadlines"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deadlines" ADD CONSTRAINT "deadlines_policy_id_deadline_policies_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."deadline_policies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deadlines" ADD CONSTRAINT "deadlines_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deadlines" ADD CONSTRAINT "deadlines_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "deadline_events_kind_uq" ON "deadline_events" USING btree ("deadline_id","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "deadlines_open_subject_uq" ON "deadlines" USING btree ("subject_type","subject_id","step") WHERE state IN ('running', 'paused', 'breached');--> statement-breakpoint
CREATE INDEX "deadlines_next_event_idx" ON "deadlines" USING btree ("next_event_at") WHERE state IN ('running', 'breached');--> statement-breakpoint
CREATE INDEX "deadlines_recompute_idx" ON "deadlines" USING btree ("id") WHERE recompute;--> statement-breakpoint
CREATE INDEX "deadlines_open_due_idx" ON "deadlines" USING btree ("due_at") WHERE state IN ('running', 'paused', 'breached');--> statement-breakpoint
CREATE INDEX "deadlines_owner_idx" ON "deadlines" USING btree ("owner_user_id","due_at");--> statement-breakpoint
CREATE INDEX "deadlines_department_idx" ON "deadlines" USING btree ("department_id","due_at");--> statement-breakpoint
CREATE INDEX "deadlines_policy_due_idx" ON "deadlines" USING btree ("policy_id","due_at");--> statement-breakpoint
CREATE INDEX "deadlines_subject_idx" ON "deadlines" USING btree ("subject_type","subject_id");