package cn.liftcare.shared;

import java.lang.reflect.Constructor;
import java.util.Set;

import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;

/** Maps every {@link Identifier} record to and from a bigint column. */
final class IdentifierConversions {

    private IdentifierConversions() {
    }

    @WritingConverter
    static final class IdentifierToLong implements GenericConverter {

        @Override
        public Set<ConvertiblePair> getConvertibleTypes() {
            return Set.of(new ConvertiblePair(Identifier.class, Long.class));
        }

        @Override
        public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
            return source == null ? null : ((Identifier) source).value();
        }
    }

    @ReadingConverter
    static final class NumberToIdentifier implements GenericConverter {

        @Override
        public Set<ConvertiblePair> getConvertibleTypes() {
            return Set.of(new ConvertiblePair(Number.class, Identifier.class));
        }

        @Override
        public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
            if (source == null) {
                return null;
            }
            try {
                Constructor<?> constructor = targetType.getType().getDeclaredConstructor(long.class);
                constructor.setAccessible(true);
                return constructor.newInstance(((Number) source).longValue());
            }
            catch (ReflectiveOperationException e) {
                throw new IllegalStateException(targetType.getType() + " needs a (long) constructor", e);
            }
        }
    }
}
