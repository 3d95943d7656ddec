package cn.liftcare.shared;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Background work (the incident supervisor's sweep). Tests switch it off and call the work themselves, so a
 * timer never races a test's clock.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "liftcare.scheduling", havingValue = "true", matchIfMissing = true)
class SchedulingConfiguration {
}
