-- A practice's own scripts. Defaults ship with the application (scripts/defaults.properties); a row here
-- replaces the default with the same key, or adds a script for one category ('ANY' = every category).
create table script (
    practice_id uuid        not null references practice (id),
    category    text        not null,
    situation   text        not null,
    language    text        not null,
    detailed    boolean     not null default false,
    text        text        not null,
    updated_at  timestamptz not null,
    updated_by  text        not null,
    primary key (practice_id, category, situation, language, detailed)
);
