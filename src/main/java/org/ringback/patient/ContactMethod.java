package org.ringback.patient;

/** How a patient can be contacted, and how an attempt was made. */
public enum ContactMethod {
    PHONE, SMS, PORTAL, EMAIL
}
