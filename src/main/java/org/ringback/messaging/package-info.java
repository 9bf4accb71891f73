/**
 * Consent-aware outbound messages (issue #4): the texts a callback change causes, kept in a transactional outbox
 * (table {@code outbound_message}) written in the same transaction as the change, and sent by the outbox worker
 * through a {@link org.ringback.messaging.MessageSender}. The public API is {@link org.ringback.messaging.Messaging},
 * {@link org.ringback.messaging.OutboundMessage}, {@link org.ringback.messaging.MessageSender} and the
 * {@link org.ringback.messaging.TextingPolicy} rules.
 */
package org.ringback.messaging;
