package kr.dolbom.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a well-behaved client does with {@code 503 Service Unavailable}: wait as long as {@code Retry-After}
 * says and send the same request again (an idempotent request, or one with the same Idempotency-Key).
 */
final class Retrying {

    private static final int MOST_ATTEMPTS = 30;

    private final HttpClient http;
    final AtomicLong retries = new AtomicLong();

    Retrying(HttpClient http) {
        this.http = http;
    }

    CompletableFuture<HttpResponse<String>> send(HttpRequest request) {
        return send(request, 1);
    }

    private CompletableFuture<HttpResponse<String>> send(HttpRequest request, int attempt) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenCompose(response -> {
            if (response.statusCode() != 503 || attempt >= MOST_ATTEMPTS) {
                return CompletableFuture.completedFuture(response);
            }
            retries.incrementAndGet();
            long seconds = response.headers().firstValueAsLong("Retry-After").orElse(1);
            return CompletableFuture.supplyAsync(
                            () -> null, CompletableFuture.delayedExecutor(seconds, TimeUnit.SECONDS))
                    .thenCompose(ignored -> send(request, attempt + 1));
        });
    }
}
