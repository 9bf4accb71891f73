-- How the board names patients: FULL_NAME, or INITIALS (initials and the last four of the MRN or phone) for
-- front desks whose screens patients can see.
alter table practice add column board_identifier text not null default 'FULL_NAME';
