/**
 * One care order, one trace: the W3C trace context of a request or of a consumed event travels with each event
 * it causes, through the outbox and the {@code traceparent} Kafka header, to the next service.
 */
@NullMarked
package kr.dolbom.platform.tracing;

import org.jspecify.annotations.NullMarked;
