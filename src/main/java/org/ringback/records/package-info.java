/**
 * Patient records over time: each practice's retention period and the purge that removes patient data from
 * callbacks closed longer ago (keeping what the measures count), and the export of everything stored about one
 * patient for an access request.
 */
package org.ringback.records;
