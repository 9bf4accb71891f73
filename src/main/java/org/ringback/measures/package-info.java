/**
 * The measures of the weekly growth conversation, computed from stored callbacks, attempts and timeline events
 * (never from counters), and the review pack that shows them. Definitions: docs/measures.md.
 */
package org.ringback.measures;
