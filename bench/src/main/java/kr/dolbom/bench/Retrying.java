package kr.dolbom.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a well-behaved client does with {@code 503 Service Unavailable}: wait as long as {@code Retry-After}
 * says and send the same request again (an idempotent request, or one with the same Idempotency-Key); and with a
 * time-out: send it again at once.
 */
final class Retrying {

    private static final int MOST_ATTEMPTS = 30;
    /**
     * The request's own time-out ends with the response's headers; a body that never ends would hold its answer
     * (and the benchmark waiting for it) for ever. Past this the exchange counts as timed out, and is sent again.
     */
    private static final Duration DEADLINE = Duration.ofSeconds(45);

    private final HttpClient http;
    final AtomicLong retries = new AtomicLong();

    Retrying(HttpClient http) {
        this.http = http;
    }

    CompletableFuture<HttpResponse<String>> send(HttpRequest request) {
        return send(request, 1);
    }

    private CompletableFuture<HttpResponse<String>> send(HttpRequest request, int attempt) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .orTimeout(DEADLINE.toMillis(), TimeUnit.MILLISECONDS)
                // a time-out says nothing of whether it was done: the same request again finds out
                .exceptionallyCompose(error -> timedOut(error) && attempt < MOST_ATTEMPTS
                        ? again(request, attempt, 0)
                        : CompletableFuture.failedFuture(error))
                .thenCompose(response -> {
                    if (response.statusCode() != 503 || attempt >= MOST_ATTEMPTS) {
                        return CompletableFuture.completedFuture(response);
                    }
                    return again(
                            request,
                            attempt,
                            response.headers().firstValueAsLong("Retry-After").orElse(1));
                });
    }

    private CompletableFuture<HttpResponse<String>> again(HttpRequest request, int attempt, long afterSeconds) {
        retries.incrementAndGet();
        return CompletableFuture.supplyAsync(
                        () -> null, CompletableFuture.delayedExecutor(afterSeconds, TimeUnit.SECONDS))
                .thenCompose(ignored -> send(request, attempt + 1));
    }

    private static boolean timedOut(Throwable error) {
        Throwable cause =
                error instanceof CompletionException wrapped && wrapped.getCause() != null ? wrapped.getCause() : error;
        return cause instanceof HttpTimeoutException || cause instanceof TimeoutException;
    }
}
