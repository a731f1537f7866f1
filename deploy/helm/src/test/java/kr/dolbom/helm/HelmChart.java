package kr.dolbom.helm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The chart under test, rendered and linted by Helm as a library (helm-java: Helm compiled in, no binary, no cluster). */
final class HelmChart {

    /** deploy/helm/dolbom: surefire runs in the module's directory. */
    static final Path CHART = Path.of("dolbom").toAbsolutePath();

    static final Path DEFAULT_VALUES = CHART.resolve("ci/default-values.yaml");
    static final Path EXISTING_OPERATORS = CHART.resolve("values-existing-operators.yaml");

    static final String RELEASE = "dolbom";
    static final String NAMESPACE = "dolbom";
    static final String KUBE_VERSION = "1.31.0";

    private static final ObjectMapper YAML = new YAMLMapper();

    private HelmChart() {}

    /** helm template with these values files (in order) and --set pairs; throws with Helm's message when it fails. */
    static String template(List<Path> valuesFiles, Map<String, Object> sets) {
        TemplateCommand template = new Helm(CHART)
                .template()
                .withName(RELEASE)
                .withNamespace(NAMESPACE)
                .withKubeVersion(KUBE_VERSION);
        valuesFiles.forEach(template::withValuesFile);
        sets.forEach(template::set);
        return template.call();
    }

    static Manifests render(List<Path> valuesFiles, Map<String, Object> sets) {
        return Manifests.parse(template(valuesFiles, sets));
    }

    /** Renders and keeps the output in target/helm-template/{@code name}.yaml, for a reader of the build. */
    static Manifests renderAndKeep(String name, Path valuesFile) {
        String rendered = template(List.of(valuesFile), Map.of());
        try {
            Path out = Path.of("target/helm-template").toAbsolutePath();
            Files.createDirectories(out);
            Files.writeString(out.resolve(name + ".yaml"), rendered);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Manifests.parse(rendered);
    }

    static Manifests render(Path... valuesFiles) {
        return render(List.of(valuesFiles), Map.of());
    }

    /** helm lint --strict of the chart as it is (its values.yaml alone). */
    static LintResult lint() {
        return new Helm(CHART).lint().strict().call();
    }

    /**
     * helm lint --strict of a copy of the chart whose values.yaml also holds {@code overrides}: lint reads only the
     * chart's own values.yaml, and the chart cannot render without the values it cannot guess.
     */
    static LintResult lintWith(Path overrides, Path workDir) {
        try {
            Path copy = workDir.resolve(CHART.getFileName());
            try (Stream<Path> files = Files.walk(CHART)) {
                for (Path source : files.toList()) {
                    Path target = copy.resolve(CHART.relativize(source).toString());
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(source, target);
                    }
                }
            }
            Map<String, Object> values = readYaml(CHART.resolve("values.yaml"));
            deepMerge(values, readYaml(overrides));
            YAML.writeValue(copy.resolve("values.yaml").toFile(), values);
            return new Helm(copy).lint().strict().call();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> readYaml(Path file) throws IOException {
        Map<String, Object> values = YAML.readValue(file.toFile(), LinkedHashMap.class);
        return values == null ? new LinkedHashMap<>() : values;
    }

    @SuppressWarnings("unchecked")
    private static void deepMerge(Map<String, Object> into, Map<String, Object> from) {
        from.forEach((key, value) -> {
            Object existing = into.get(key);
            if (existing instanceof Map<?, ?> a && value instanceof Map<?, ?> b) {
                deepMerge((Map<String, Object>) a, (Map<String, Object>) b);
            } else {
                into.put(key, value);
            }
        });
    }
}
