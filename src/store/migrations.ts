/**
 * The schema, as ordered migrations shared by PGlite and PostgreSQL. Migration N (1-based) is
 * recorded in `schema_migrations` once applied. Never edit a released entry: append a new one.
 *
 * Tables are unqualified: the connection's search_path picks the schema.
 * sha256 columns use the "C" collation so the primary-key index serves `LIKE 'prefix%'`.
 * Money and rates are `numeric`, inserted from Figure.exact strings, never from floats.
 */
export const MIGRATIONS: readonly string[] = [
  /* 1: initial schema */ `
CREATE TABLE documents (
  sha256 text COLLATE "C" PRIMARY KEY,
  file_name text NOT NULL,
  format text NOT NULL,
  byte_length bigint NOT NULL,
  pages integer NOT NULL,
  ocr_pages integer NOT NULL,
  bytes bytea,
  ingested_at timestamptz NOT NULL DEFAULT now(),
  extractor_version text
);
CREATE INDEX documents_file_name_idx ON documents (file_name);

CREATE TABLE reports (
  sha256 text COLLATE "C" PRIMARY KEY REFERENCES documents (sha256) ON DELETE CASCADE,
  title text,
  kind text NOT NULL,
  department text,
  fiscal_year integer,
  province text,
  city text,
  county text,
  budget numeric(20, 2),
  budget_initial numeric(20, 2),
  execution numeric(20, 2),
  execution_rate numeric,
  self_score numeric,
  checks_failed integer NOT NULL DEFAULT 0,
  checks_warned integer NOT NULL DEFAULT 0,
  extractor_version text NOT NULL,
  record jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX reports_fiscal_year_idx ON reports (fiscal_year);
CREATE INDEX reports_kind_idx ON reports (kind);
CREATE INDEX reports_region_idx ON reports (province, city, county);
CREATE INDEX reports_department_idx ON reports (department);
CREATE INDEX reports_failed_idx ON reports (fiscal_year) WHERE checks_failed > 0;
CREATE INDEX reports_extractor_version_idx ON reports (extractor_version);

CREATE TABLE figures (
  sha256 text COLLATE "C" NOT NULL REFERENCES reports (sha256) ON DELETE CASCADE,
  ord integer NOT NULL,
  field text NOT NULL,
  name text,
  code text,
  value numeric,
  exact text NOT NULL,
  text text NOT NULL,
  unit text NOT NULL,
  kind text NOT NULL,
  precision integer NOT NULL,
  scale integer NOT NULL,
  approx text NOT NULL,
  lo numeric,
  hi numeric,
  page integer,
  span_start integer NOT NULL,
  span_end integer NOT NULL,
  quote text NOT NULL,
  PRIMARY KEY (sha256, ord)
);
CREATE INDEX figures_field_idx ON figures (field, name);

CREATE TABLE counts (
  sha256 text COLLATE "C" NOT NULL REFERENCES reports (sha256) ON DELETE CASCADE,
  ord integer NOT NULL,
  value numeric NOT NULL,
  unit text NOT NULL,
  approx text NOT NULL,
  lo numeric,
  hi numeric,
  subject text NOT NULL,
  action text NOT NULL,
  text text NOT NULL,
  page integer,
  span_start integer NOT NULL,
  span_end integer NOT NULL,
  quote text NOT NULL,
  PRIMARY KEY (sha256, ord)
);

CREATE TABLE indicators (
  sha256 text COLLATE "C" NOT NULL REFERENCES reports (sha256) ON DELETE CASCADE,
  ord integer NOT NULL,
  level1 text NOT NULL,
  level2 text NOT NULL,
  level3 text NOT NULL,
  target text NOT NULL,
  actual text NOT NULL,
  weight numeric,
  weight_text text,
  score numeric,
  score_text text,
  page integer,
  span_start integer NOT NULL,
  span_end integer NOT NULL,
  quote text NOT NULL,
  PRIMARY KEY (sha256, ord)
);

CREATE TABLE checks (
  sha256 text COLLATE "C" NOT NULL REFERENCES reports (sha256) ON DELETE CASCADE,
  ord integer NOT NULL,
  rule text NOT NULL,
  status text NOT NULL,
  unit text NOT NULL,
  expected_lo numeric,
  expected_hi numeric,
  actual_lo numeric,
  actual_hi numeric,
  message_zh text NOT NULL,
  message_en text NOT NULL,
  detail jsonb,
  PRIMARY KEY (sha256, ord)
);
CREATE INDEX checks_rule_status_idx ON checks (rule, status);

CREATE TABLE ingest_errors (
  id bigserial PRIMARY KEY,
  sha256 text COLLATE "C",
  file_name text NOT NULL,
  code text NOT NULL,
  message text NOT NULL,
  disposition text NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ingest_errors_sha256_idx ON ingest_errors (sha256);
`,
  /* 2: department aliases, edited with `jixiao departments merge|split` */ `
CREATE TABLE department_aliases (
  kind text NOT NULL CHECK (kind IN ('key', 'name')),
  source text NOT NULL,
  target text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (kind, source)
);
`,
  /*
   * 3: schema-2 records: what the document is (reports.document_kind) and one row per 自评表 form
   * (forms). Rows stored before are filled from their record (version-1 records have no
   * documentKind: as upgradeRecord reads them); their forms come with `reprocess`.
   */ `
ALTER TABLE reports ADD COLUMN document_kind text;
UPDATE reports SET document_kind = coalesce(record->'report'->>'documentKind', CASE WHEN kind = 'unknown' THEN 'other' ELSE 'self_evaluation_report' END);
ALTER TABLE reports ALTER COLUMN document_kind SET NOT NULL;
CREATE INDEX reports_document_kind_idx ON reports (document_kind);

CREATE TABLE forms (
  sha256 text COLLATE "C" NOT NULL REFERENCES reports (sha256) ON DELETE CASCADE,
  ord integer NOT NULL,
  form_id text NOT NULL,
  part text,
  form_kind text NOT NULL,
  source text NOT NULL,
  project text,
  department text,
  implementer text,
  page_start integer,
  page_end integer,
  budget_initial numeric(20, 2),
  budget numeric(20, 2),
  execution numeric(20, 2),
  execution_rate numeric,
  budget_execution_weight numeric,
  budget_execution_score numeric,
  total_score numeric,
  grade text,
  indicators integer NOT NULL,
  checks_failed integer NOT NULL,
  page integer,
  span_start integer NOT NULL,
  span_end integer NOT NULL,
  quote text NOT NULL,
  PRIMARY KEY (sha256, ord)
);
CREATE INDEX forms_project_idx ON forms (project);
`,
  /* 4: indicator rows of each form (form_id; null for the record's own indicators) */ `
ALTER TABLE indicators ADD COLUMN form_id text;
`,
];
