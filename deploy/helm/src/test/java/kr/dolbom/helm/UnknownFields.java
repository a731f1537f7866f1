package kr.dolbom.helm;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fields a typed model did not know. fabric8's and Strimzi's models accept any field and keep the ones they do not
 * know in {@code additionalProperties}, where the API server would prune or refuse them (a typo such as
 * {@code readOnlyRootFilesytem} would silently not apply). This walks every getter of the model tree and reports each
 * non-empty {@code additionalProperties} with its path, and each getter that cannot read its value (a Quantity
 * such as {@code 512Mx}).
 */
final class UnknownFields {

    private static final List<String> MODEL_PACKAGES = List.of("io.fabric8.kubernetes.api.model", "io.strimzi.api");

    private UnknownFields() {}

    static List<String> of(Object resource, String where) {
        List<String> problems = new ArrayList<>();
        walk(resource, where, problems, Collections.newSetFromMap(new IdentityHashMap<>()));
        return problems;
    }

    private static void walk(Object value, String path, List<String> problems, Set<Object> seen) {
        if (value == null) {
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> walk(item, path + "[" + key + "]", problems, seen));
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                walk(item, path + "[" + i++ + "]", problems, seen);
            }
            return;
        }
        if (!isModel(value.getClass()) || !seen.add(value)) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            String property = property(getter);
            if (property == null) {
                continue;
            }
            Object result;
            try {
                result = getter.invoke(value);
            } catch (InvocationTargetException e) {
                if (isModel(getter.getDeclaringClass())) {
                    problems.add(path + "." + property + ": " + e.getCause());
                }
                continue;
            } catch (IllegalAccessException e) {
                continue;
            }
            if (property.equals("additionalProperties")) {
                if (result instanceof Map<?, ?> unknown && !unknown.isEmpty()) {
                    problems.add(path + ": unknown field(s) " + unknown.keySet());
                }
            } else {
                walk(result, path + "." + property, problems, seen);
            }
        }
    }

    private static String property(Method method) {
        if (method.getParameterCount() != 0
                || Modifier.isStatic(method.getModifiers())
                || method.getReturnType() == void.class
                || method.getDeclaringClass() == Object.class) {
            return null;
        }
        String name = method.getName();
        if (name.startsWith("get") && name.length() > 3) {
            return Character.toLowerCase(name.charAt(3)) + name.substring(4);
        }
        if (name.startsWith("is") && name.length() > 2 && method.getReturnType() == boolean.class) {
            return Character.toLowerCase(name.charAt(2)) + name.substring(3);
        }
        return null;
    }

    private static boolean isModel(Class<?> type) {
        String name = type.getName();
        return MODEL_PACKAGES.stream().anyMatch(name::startsWith)
                || name.startsWith("io.fabric8.kubernetes.client.CustomResource");
    }
}
