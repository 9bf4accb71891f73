-- How long an attempt took, when staff or the phone system say so: coverage planning sizes staff from it.
alter table attempt add column duration_seconds integer;
