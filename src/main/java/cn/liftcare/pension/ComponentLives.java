package cn.liftcare.pension;

import java.io.IOException;
import java.io.InputStream;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/** The components' expected lives and typical renewal costs (resources/pension/component-lives.json). */
@Component
public class ComponentLives {

    private final Map<PensionComponent, ComponentLife> lives;

    ComponentLives() {
        this(load());
    }

    ComponentLives(List<ComponentLife> lives) {
        Map<PensionComponent, ComponentLife> byComponent = new EnumMap<>(PensionComponent.class);
        lives.forEach(l -> byComponent.put(l.component(), l));
        for (PensionComponent c : PensionComponent.values()) {
            if (!byComponent.containsKey(c)) {
                throw new IllegalStateException("no expected life for " + c);
            }
        }
        this.lives = byComponent;
    }

    public List<ComponentLife> all() {
        return List.copyOf(lives.values());
    }

    public ComponentLife of(PensionComponent component) {
        return lives.get(component);
    }

    private static List<ComponentLife> load() {
        try (InputStream in = new ClassPathResource("pension/component-lives.json").getInputStream()) {
            return List.of(JsonMapper.builder().build().readValue(in, ComponentLife[].class));
        }
        catch (IOException e) {
            throw new IllegalStateException("pension/component-lives.json", e);
        }
    }
}
