package kr.dolbom.matching;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import kr.dolbom.events.CareTopics;
import kr.dolbom.events.EventEnvelope;
import kr.dolbom.events.LineAssigned;
import kr.dolbom.events.LineOffered;
import kr.dolbom.testsupport.KafkaTestClient;
import kr.dolbom.testsupport.TestTokens;
import org.awaitility.Awaitility;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The consortium's members as a test needs them: each answers the offers made to it over matching's REST API with a
 * token of its own, as its coordinator would.
 */
public record Members(WebTestClient http, KafkaTestClient kafka) {

    /** Every member accepts every line of the order it is offered, until {@code lines} lines are assigned. */
    public List<LineAssigned> acceptAll(EventEnvelope order, int lines) {
        Set<UUID> answered = new HashSet<>();
        return Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> {
                            for (LineOffered offer : offers(order)) {
                                if (answered.add(offer.offerId())) {
                                    accept(offer);
                                }
                            }
                            return kafka.events(CareTopics.ASSIGNMENTS, order.subject(), LineAssigned.class);
                        },
                        assigned -> assigned.size() == lines);
    }

    /** The offers made of the order's lines so far, in the order they were made. */
    public List<LineOffered> offers(EventEnvelope order) {
        return kafka.events(CareTopics.ASSIGNMENTS, order.subject(), LineOffered.class);
    }

    /** The offers made so far, once there are {@code count} of them. */
    public List<LineOffered> offers(EventEnvelope order, int count) {
        return Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> offers(order), made -> made.size() >= count);
    }

    public WebTestClient.ResponseSpec accept(LineOffered offer) {
        return as(offer)
                .post()
                .uri("/api/v1/offers/{offer}/acceptance", offer.offerId())
                .exchange()
                .expectStatus()
                .isOk();
    }

    public WebTestClient.ResponseSpec decline(LineOffered offer, String reason) {
        return as(offer)
                .post()
                .uri("/api/v1/offers/{offer}/decline", offer.offerId())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("reason", reason))
                .exchange()
                .expectStatus()
                .isOk();
    }

    /** The client as the member the offer was made to. */
    public WebTestClient as(LineOffered offer) {
        String token = TestTokens.provider(offer.district(), offer.providerId()).mint();
        return http.mutate()
                .defaultHeaders(headers -> headers.setBearerAuth(token))
                .build();
    }
}
