package cn.liftcare.shared;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * Module listeners (Spring Modulith's {@code @ApplicationModuleListener}) run on their own thread after the
 * publishing transaction commits, so a claim's assessment never slows or fails the repair that triggered it;
 * the event publication registry redelivers what a crash interrupted.
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
class AsyncConfiguration {
}
