package cn.liftcare.shared;

import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.data.jdbc.repository.config.AbstractJdbcConfiguration;

@Configuration(proxyBeanMethods = false)
class JdbcConfiguration extends AbstractJdbcConfiguration {

    @Override
    protected List<?> userConverters() {
        return List.of(new IdentifierConversions.IdentifierToLong(), new IdentifierConversions.NumberToIdentifier(),
                new MoneyConversions.MoneyToBigDecimal(), new MoneyConversions.BigDecimalToMoney());
    }
}
