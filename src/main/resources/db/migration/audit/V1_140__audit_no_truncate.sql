-- Row triggers do not fire on TRUNCATE: refuse it too, so no statement of the application's role empties the trail.
create trigger audit_event_no_truncate before truncate on audit_event
    for each statement execute function audit_event_is_append_only();
create trigger sign_in_event_no_truncate before truncate on sign_in_event
    for each statement execute function audit_event_is_append_only();
