/**
 * The published language of the care-order streams.
 *
 * <p>One immutable record per event type, named in the past tense. Events carry pseudonymous ids only
 * ({@code careOrderId}, {@code residentRef}); names, phones, addresses and resident numbers never leave
 * intake. On Kafka each record is a CloudEvent in binary mode: the JSON of the record is the value,
 * the envelope travels as {@code ce_*} headers, and the key is the care-order id so that one order's
 * events keep their order (a provider's monthly settlement, which belongs to no one order, is keyed by its
 * settlement id). The version of a contract is part of its CloudEvents type and of its topic.
 */
@NullMarked
package kr.dolbom.events;

import org.jspecify.annotations.NullMarked;
