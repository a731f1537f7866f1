package kr.dolbom.platform.web;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Every JSON string a request body holds, refused when PostgreSQL could not store it ({@link StorableText}).
 * The mismatch carries the JSON path, so the answer names the field ({@code resident.name}).
 */
final class StorableTextDeserializer extends StdScalarDeserializer<String> {

    StorableTextDeserializer() {
        super(String.class);
    }

    static SimpleModule module() {
        return new SimpleModule("dolbom-storable-text").addDeserializer(String.class, new StorableTextDeserializer());
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) {
        String value = StringDeserializer.instance.deserialize(parser, context);
        String problem = value == null ? null : StorableText.problem(value);
        if (problem != null) {
            return context.reportInputMismatch(this, problem);
        }
        return value;
    }
}
