package dev.outdial.web;

import dev.outdial.shared.StorableValues;
import java.time.temporal.TemporalAccessor;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.module.SimpleModule;

/**
 * Every text and every date or time read from a JSON body, whatever the field, goes through
 * {@link StorableValues}: one rule for the whole API instead of a check per field. A refused value
 * answers 400 naming its field (see {@link ApiExceptionHandler}).
 */
@Component
class StorableValuesModule extends SimpleModule {

    StorableValuesModule() {
        super("outdial-storable-values");
        setDeserializerModifier(new ValueDeserializerModifier() {
            @Override
            public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config,
                    BeanDescription.Supplier description, ValueDeserializer<?> deserializer) {
                Class<?> type = description.getBeanClass();
                return type == String.class || TemporalAccessor.class.isAssignableFrom(type)
                        ? new Checked(deserializer) : deserializer;
            }

            @Override
            public KeyDeserializer modifyKeyDeserializer(DeserializationConfig config, JavaType type,
                    KeyDeserializer deserializer) {
                return type.getRawClass() == String.class ? new CheckedKey(deserializer) : deserializer;
            }
        });
    }

    /** The value as the standard deserializer reads it, refused when no database would keep it as is. */
    private static final class Checked extends DelegatingDeserializer {

        Checked(ValueDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new Checked(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) {
            return check(super.deserialize(parser, context), parser);
        }
    }

    private static final class CheckedKey extends KeyDeserializer {

        private final KeyDeserializer delegate;

        CheckedKey(KeyDeserializer delegate) {
            this.delegate = delegate;
        }

        @Override
        public Object deserializeKey(String key, DeserializationContext context) {
            if (!StorableValues.isStorable(key)) {
                throw new UnstorableValueException(context.getParser(), StorableValues.TEXT_MESSAGE);
            }
            return delegate == null ? key : delegate.deserializeKey(key, context);
        }
    }

    private static Object check(Object value, JsonParser parser) {
        if (value instanceof CharSequence text && !StorableValues.isStorable(text)) {
            throw new UnstorableValueException(parser, StorableValues.TEXT_MESSAGE);
        }
        if (value instanceof TemporalAccessor time && !StorableValues.isStorable(time)) {
            throw new UnstorableValueException(parser, StorableValues.TIME_MESSAGE);
        }
        return value;
    }

    /** A well-formed value the application refuses to store; {@code messageKey} says why. */
    static final class UnstorableValueException extends MismatchedInputException {

        private final String messageKey;

        UnstorableValueException(JsonParser parser, String messageKey) {
            super(parser, "Value refused: " + messageKey);
            this.messageKey = messageKey;
        }

        String messageKey() {
            return messageKey;
        }
    }
}
