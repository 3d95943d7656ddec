package cn.liftcare.shared;

import java.util.List;

import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * One broken rule about one field of an input, as a message key and its arguments, so the form, the
 * API and the import report all say the same thing in the reader's language.
 */
public record Violation(String field, String messageKey, List<Object> args) {

    public Violation {
        args = args == null ? List.of() : List.copyOf(args);
    }

    public static Violation of(String field, String messageKey, Object... args) {
        return new Violation(field, messageKey, List.of(args));
    }

    /** An argument shown as the enum constant's label in the reader's language ({@code enum.Type.NAME}). */
    public static Object label(Enum<?> constant) {
        String code = "enum." + constant.getDeclaringClass().getSimpleName() + "." + constant.name();
        return new DefaultMessageSourceResolvable(new String[] {code}, constant.name());
    }

    public Object[] argsArray() {
        return args.toArray();
    }
}
