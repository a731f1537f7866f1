package kr.dolbom.testsupport;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Bodies a hostile or broken client might send, made from one valid body with jqwik's generators: values of
 * the wrong type, missing and unknown fields, huge and negative numbers, NUL and emoji, very long strings,
 * impossible dates, nested garbage, duplicate keys, and text that is not JSON at all.
 */
public final class HostileJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private HostileJson() {}

    /** One to three mutations of {@code valid}, or now and then a body that is no request at all. */
    public static Arbitrary<String> bodiesLike(String valid) {
        JsonNode tree = JSON.readTree(valid);
        List<String> paths = new ArrayList<>();
        collect(tree, "", paths);
        Arbitrary<String> mutated = mutation(paths)
                .list()
                .ofMinSize(1)
                .ofMaxSize(3)
                .map(mutations -> {
                    JsonNode copy = tree.deepCopy();
                    String text = null;
                    for (Mutation m : mutations) {
                        if (m instanceof Mutation.DuplicateKey duplicate) {
                            text = duplicate.applyTo(text == null ? JSON.writeValueAsString(copy) : text);
                        } else if (text == null) {
                            copy = m.applyTo(copy);
                        }
                    }
                    return text != null ? text : JSON.writeValueAsString(copy);
                });
        return Arbitraries.frequencyOf(Tuple.of(9, mutated), Tuple.of(1, garbage(valid)));
    }

    sealed interface Mutation {
        JsonNode applyTo(JsonNode root);

        record Set(String path, JsonNode value) implements Mutation {
            @Override
            public JsonNode applyTo(JsonNode root) {
                if (path.isEmpty()) {
                    return value;
                }
                Parent parent = parent(root, path);
                if (parent.container() instanceof ObjectNode object) {
                    object.set(parent.key(), value);
                } else if (parent.container() instanceof ArrayNode array
                        && parent.index() >= 0
                        && parent.index() < array.size()) {
                    array.set(parent.index(), value);
                }
                return root;
            }
        }

        record Remove(String path) implements Mutation {
            @Override
            public JsonNode applyTo(JsonNode root) {
                if (path.isEmpty()) {
                    return NODES.objectNode();
                }
                Parent parent = parent(root, path);
                if (parent.container() instanceof ObjectNode object) {
                    object.remove(parent.key());
                } else if (parent.container() instanceof ArrayNode array
                        && parent.index() >= 0
                        && parent.index() < array.size()) {
                    array.remove(parent.index());
                }
                return root;
            }
        }

        record Add(String path, String key, JsonNode value) implements Mutation {
            @Override
            public JsonNode applyTo(JsonNode root) {
                JsonNode target = path.isEmpty() ? root : at(root, path);
                if (target instanceof ObjectNode object) {
                    object.set(key, value);
                } else if (target instanceof ArrayNode array) {
                    array.add(value);
                }
                return root;
            }
        }

        /** The same key twice in the outer object; done on the text, since a tree cannot hold it. */
        record DuplicateKey(String key, JsonNode value) implements Mutation {
            @Override
            public JsonNode applyTo(JsonNode root) {
                return root;
            }

            String applyTo(String text) {
                int brace = text.indexOf('{');
                if (brace < 0) {
                    return text;
                }
                String field = JSON.writeValueAsString(key) + ":" + JSON.writeValueAsString(value) + ",";
                return text.substring(0, brace + 1) + field + text.substring(brace + 1);
            }
        }
    }

    private static Arbitrary<Mutation> mutation(List<String> paths) {
        Arbitrary<String> path = Arbitraries.of(paths);
        Arbitrary<String> key = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(20),
                Arbitraries.of("", "\u0000", "__proto__", "$where", "resident", "services", "id", "👵"));
        Arbitrary<String> topKey = Arbitraries.of(topKeys(paths));
        return Arbitraries.frequencyOf(
                Tuple.of(6, Combinators.combine(path, value()).as(Mutation.Set::new)),
                Tuple.of(2, path.map(Mutation.Remove::new)),
                Tuple.of(1, Combinators.combine(path, key, value()).as(Mutation.Add::new)),
                Tuple.of(1, Combinators.combine(topKey, value()).as(Mutation.DuplicateKey::new)));
    }

    private static List<String> topKeys(List<String> paths) {
        return paths.stream()
                .filter(p -> !p.isEmpty() && !p.contains(".") && !p.contains("["))
                .toList();
    }

    /** A value of any kind a client could put where a field is expected. */
    static Arbitrary<JsonNode> value() {
        return Arbitraries.lazyOf(
                () -> strings().map(NODES::stringNode),
                () -> numbers(),
                () -> Arbitraries.of(NODES.booleanNode(true), NODES.booleanNode(false), NODES.nullNode()),
                () -> dates().map(NODES::stringNode),
                HostileJson::nested);
    }

    static Arbitrary<String> strings() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(30),
                Arbitraries.strings()
                        .withCharRange('\u0000', '\u001f')
                        .ofMinLength(1)
                        .ofMaxLength(5),
                Arbitraries.of(
                        "",
                        " ",
                        "\u0000",
                        "mapo\u0000",
                        "김\u0000순자",
                        "👵🏻🍱🧑‍🦽",
                        "\u202Emapo",
                        "\u200B",
                        "\uFEFF",
                        "\uD800",
                        "' or 1=1 --",
                        "${jndi:ldap://example.invalid/a}",
                        "../../etc/passwd",
                        "<script>alert(1)</script>",
                        "TEMPORARY_HOME_CARE ",
                        "basic_livelihood",
                        "010-1234-5678\n",
                        "NaN",
                        "1e9999"),
                Combinators.combine(
                                Arbitraries.of("가", "x", "👵", "\u0000"),
                                Arbitraries.integers().between(201, 300_000))
                        .as((unit, times) -> unit.repeat(times)));
    }

    static Arbitrary<JsonNode> numbers() {
        return Arbitraries.oneOf(
                Arbitraries.of(
                        NODES.numberNode(Long.MAX_VALUE),
                        NODES.numberNode(Long.MIN_VALUE),
                        NODES.numberNode(Integer.MAX_VALUE + 1L),
                        NODES.numberNode(Integer.MIN_VALUE - 1L),
                        NODES.numberNode(new BigInteger("123456789012345678901234567890123456789")),
                        NODES.numberNode(new BigDecimal("1e400")),
                        NODES.numberNode(new BigDecimal("-1e-400")),
                        NODES.numberNode(1.5),
                        NODES.numberNode(-0.0),
                        NODES.numberNode(0),
                        NODES.numberNode(-1)),
                Arbitraries.integers().map(NODES::numberNode),
                Arbitraries.doubles().map(NODES::numberNode));
    }

    static Arbitrary<String> dates() {
        return Arbitraries.of(
                "0000-01-01",
                "-999999999-01-01",
                "+999999999-12-31",
                "+1000000000-01-01",
                "2026-02-30",
                "2026-13-01",
                "2026-11-01T10:00:00",
                "1899-12-31",
                "1900-01-01",
                "9999-12-31",
                "2026/11/01",
                "20261101",
                "25:61",
                "23:59:60",
                "-01:00",
                "00:00");
    }

    private static Arbitrary<JsonNode> nested() {
        return Arbitraries.integers()
                .between(1, 60)
                .flatMap(depth -> value().map(leaf -> {
                    JsonNode node = leaf;
                    for (int i = 0; i < depth; i++) {
                        node = i % 2 == 0
                                ? NODES.arrayNode().add(node)
                                : NODES.objectNode().set("k", node);
                    }
                    return node;
                }));
    }

    /** Not a request: not JSON, cut short, of the wrong shape, nested past any sane depth, or nothing. */
    private static Arbitrary<String> garbage(String valid) {
        return Arbitraries.oneOf(
                Arbitraries.integers().between(0, valid.length() - 1).map(cut -> valid.substring(0, cut)),
                Arbitraries.strings().all().ofMaxLength(200),
                Arbitraries.of(
                        "", "null", "[]", "[" + valid + "]", "\"" + valid + "\"", "42", "{}", "{,}", valid + "}"),
                Arbitraries.integers().between(1_000, 20_000).map(depth -> "[".repeat(depth) + "]".repeat(depth)),
                Arbitraries.integers()
                        .between(1_000, 20_000)
                        .map(depth -> "{\"a\":".repeat(depth) + "1" + "}".repeat(depth)));
    }

    private record Parent(JsonNode container, String key, int index) {}

    private static Parent parent(JsonNode root, String path) {
        int dot = path.lastIndexOf('.');
        int bracket = path.lastIndexOf('[');
        if (bracket > dot) {
            JsonNode container = at(root, path.substring(0, bracket));
            return new Parent(container, "", Integer.parseInt(path.substring(bracket + 1, path.length() - 1)));
        }
        JsonNode container = dot < 0 ? root : at(root, path.substring(0, dot));
        return new Parent(container, path.substring(dot + 1), -1);
    }

    private static JsonNode at(JsonNode root, String path) {
        JsonNode node = root;
        for (String step : path.split("\\.")) {
            int bracket = step.indexOf('[');
            String name = bracket < 0 ? step : step.substring(0, bracket);
            if (!name.isEmpty()) {
                node = node.path(name);
            }
            if (bracket >= 0) {
                node = node.path(Integer.parseInt(step.substring(bracket + 1, step.length() - 1)));
            }
        }
        return node;
    }

    private static void collect(JsonNode node, String path, List<String> paths) {
        paths.add(path);
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                collect(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey(), paths);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                collect(array.get(i), path + "[" + i + "]", paths);
            }
        }
    }
}
