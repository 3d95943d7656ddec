package cn.liftcare.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** The last lines of the start-up log: where to go, and (in the demo) who to sign in as. */
@Component
class ReadyBanner {

    private static final Logger log = LoggerFactory.getLogger(ReadyBanner.class);

    private final boolean demo;

    ReadyBanner(@Value("${liftcare.demo:true}") boolean demo) {
        this.demo = demo;
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        Environment env = event.getApplicationContext().getEnvironment();
        String port = env.getProperty("local.server.port", env.getProperty("server.port", "8080"));
        StringBuilder banner = new StringBuilder("\n\n  LiftCare 梯保 is ready: http://localhost:").append(port).append("/\n")
                .append("  API docs: http://localhost:").append(port).append("/swagger-ui.html\n");
        if (demo) {
            banner.append("""
                      Demo logins (password for all: %s):
                        regulator   拱墅区市场监管局 (regulator)      callcentre  96333 call centre
                        insurer     浙商财险 (underwriter, adjuster)    supervisor  third-party technical supervisor
                        inspector   杭州特检院 (inspection body)      maintainer  maintainer of 运河电梯 (小河佳苑)
                        mcmanager   manager of 运河电梯              maintainer2 maintainer of 恒安电梯
                        property    小河佳苑 use unit (property)      owners      小河佳苑 owners' committee
                        admin       platform administrator          picc        人保财险 (underwriter)
                    """.formatted(DemoDistrict.PASSWORD));
        }
        log.info(banner.toString());
    }
}
