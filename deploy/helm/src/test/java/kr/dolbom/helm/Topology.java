package kr.dolbom.helm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Who writes and who reads which care stream, read from the code itself: the owners from care-events'
 * {@code CareTopics.owner}, the consumers from each service's {@code consumers.subscribe(CareTopics.X, …)} calls. The
 * chart must grant exactly this, so a new subscription without its ACL, KEDA trigger and dead-letter topic fails
 * the build.
 */
record Topology(Map<String, String> topics, Map<String, Set<String>> produces, Map<String, Set<String>> consumes) {

    /** The four services, in the chart's order. */
    static final List<String> SERVICES =
            List.of("intake-service", "matching-service", "billing-service", "reporting-service");

    static final Path REPOSITORY = Path.of("../..").toAbsolutePath().normalize();

    private static final Pattern CONSTANT = Pattern.compile("public static final String (\\w+) = \"([^\"]+)\";");
    private static final Pattern OWNER = Pattern.compile("case ([A-Z_, ]+) -> \"([a-z-]+)\"");
    private static final Pattern SUBSCRIBE = Pattern.compile("subscribe\\(\\s*CareTopics\\.(\\w+)");

    static Topology fromSources() {
        String careTopics = read(REPOSITORY.resolve("care-events/src/main/java/kr/dolbom/events/CareTopics.java"));
        Map<String, String> topics = new LinkedHashMap<>();
        Matcher constant = CONSTANT.matcher(careTopics);
        while (constant.find()) {
            topics.put(constant.group(1), constant.group(2));
        }
        Map<String, Set<String>> produces = new TreeMap<>();
        Map<String, Set<String>> consumes = new TreeMap<>();
        SERVICES.forEach(service -> {
            produces.put(service, new TreeSet<>());
            consumes.put(service, new TreeSet<>());
        });
        Matcher owner = OWNER.matcher(careTopics);
        while (owner.find()) {
            for (String constantName : owner.group(1).split(",")) {
                produces.get(owner.group(2)).add(topic(topics, constantName.trim()));
            }
        }
        for (String service : SERVICES) {
            try (Stream<Path> files = Files.walk(REPOSITORY.resolve(service).resolve("src/main/java"))) {
                for (Path file :
                        files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Matcher subscribe = SUBSCRIBE.matcher(read(file));
                    while (subscribe.find()) {
                        consumes.get(service).add(topic(topics, subscribe.group(1)));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Topology(topics, produces, consumes);
    }

    /** The care streams ({@code CareTopics.ALL}). */
    Set<String> streams() {
        return new TreeSet<>(produces.values().stream().flatMap(Set::stream).toList());
    }

    /** Every consumer's dead-letter topic: {@code <stream>.<group>.dlq}. */
    Set<String> deadLetterTopics() {
        Set<String> all = new TreeSet<>();
        consumes.forEach((service, streams) -> all.addAll(deadLetterTopics(service)));
        return all;
    }

    Set<String> deadLetterTopics(String service) {
        Set<String> all = new TreeSet<>();
        consumes.get(service).forEach(stream -> all.add(stream + "." + service + ".dlq"));
        return all;
    }

    private static String topic(Map<String, String> topics, String constant) {
        String topic = topics.get(constant);
        if (topic == null) {
            throw new AssertionError("CareTopics." + constant + " is not a constant of CareTopics: " + topics);
        }
        return topic;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
