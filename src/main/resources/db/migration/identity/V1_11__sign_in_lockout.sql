-- Repeated failed sign-ins lock an account for a while. Kept in the database so that every app instance
-- sees the same count and the same lock.
alter table app_user
    add column failed_sign_ins integer not null default 0,
    add column locked_until    timestamptz;
