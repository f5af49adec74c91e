CREATE TABLE "case_number_counter" (
	"court_id" uuid NOT NULL,
	"type_code" text NOT NULL,
	"year" integer NOT NULL,
	"last_seq" integer NOT NULL,
	CONSTRAINT "case_number_counter_court_id_type_code_year_pk" PRIMARY KEY("court_id","type_code","year")
);
--> statement-breakpoint
CREATE TABLE "court_case_type" (
	"court_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "court_case_type_court_id_code_pk" PRIMARY KEY("court_id","code")
);
