package org.ringback.identity;

/** What a user may do. STAFF is non-clinical front desk or virtual assistant work. */
public enum Role {
    STAFF, CLINICAL, MANAGER, ADMIN
}
