package cn.liftcare;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/** The module boundaries hold: no cycles, and modules use only each other's API packages. */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(LiftCareApplication.class);

    @Test
    void boundariesAreRespected() {
        MODULES.verify();
    }

    @Test
    void theBusinessCapabilitiesAreModules() {
        assertThat(MODULES.stream().map(m -> m.getBasePackage().getName()))
                .contains("cn.liftcare.identity", "cn.liftcare.audit", "cn.liftcare.registry", "cn.liftcare.maintenance", "cn.liftcare.demo",
                        "cn.liftcare.dashboard");
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
