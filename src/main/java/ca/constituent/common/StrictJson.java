package ca.constituent.common;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Request bodies are read strictly: a field the request type does not have, a second JSON value after the first, a
 * key given twice, or a value of the wrong JSON type (a number or array where text is expected, text where a boolean
 * is) is refused rather than ignored or coerced. {@link ProblemMapper} names the field in a 400 answer. Fields that
 * document a number or boolean but are read as text (to give a field error in the signer's language) opt in to
 * scalars with {@link ScalarText}.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        for (CoercionInputShape shape : new CoercionInputShape[]{CoercionInputShape.Integer,
                CoercionInputShape.Float, CoercionInputShape.Boolean, CoercionInputShape.EmptyArray}) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
        for (CoercionInputShape shape : new CoercionInputShape[]{CoercionInputShape.String,
                CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.EmptyString}) {
            mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(shape, CoercionAction.Fail);
        }
    }

    /** After Quarkus' own customizer, so that its configured defaults do not loosen these settings again. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }
}
