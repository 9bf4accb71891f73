-- What an attempt's result leads to, per category (the disposition-driven ladder): the delay of the one short
-- retry after a busy line (zero: none) and what follows a wrong or disconnected number.
alter table category add column ladder_busy_retry interval not null default interval '15 minutes';
alter table category add column ladder_dead_number text not null default 'OTHER_CHANNEL';
