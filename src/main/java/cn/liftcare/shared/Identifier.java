package cn.liftcare.shared;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A typed id: aggregates refer to each other by these records, never by object or bare long.
 * {@link IdentifierConversions} maps every implementation to a bigint column.
 */
public interface Identifier {

    @JsonValue
    long value();
}
