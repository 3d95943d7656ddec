package cn.liftcare.shared.web;

import org.springframework.validation.BindingResult;

import cn.liftcare.shared.ValidationFailedException;
import cn.liftcare.shared.Violation;

/** Puts a rule's violations beside the form fields they concern. */
public final class FormErrors {

    private FormErrors() {
    }

    public static void apply(BindingResult result, ValidationFailedException e) {
        for (Violation v : e.violations()) {
            if (result.getFieldType(v.field()) != null || hasProperty(result, v.field())) {
                result.rejectValue(v.field(), v.messageKey(), v.argsArray(), v.messageKey());
            }
            else {
                result.reject(v.messageKey(), v.argsArray(), v.messageKey());
            }
        }
    }

    private static boolean hasProperty(BindingResult result, String field) {
        try {
            result.getRawFieldValue(field);
            return true;
        }
        catch (RuntimeException notAProperty) {
            return false;
        }
    }
}
