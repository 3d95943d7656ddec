package cn.liftcare.dashboard;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Puts a {@link Board}'s message keys into words: a label or cell starting with {@code #} is a message key, anything
 * else (a month, a community's name) is shown as it is. Used by the home page (as {@code @dashboardLabels}) and the
 * reports.
 */
@Component("dashboardLabels")
public class BoardLabels {

    private final MessageSource messages;
    private final JsonMapper json = JsonMapper.builder().build();

    BoardLabels(MessageSource messages) {
        this.messages = messages;
    }

    public String text(String keyOrText, Locale locale) {
        if (keyOrText != null && keyOrText.startsWith("#")) {
            return message(keyOrText.substring(1), locale);
        }
        return keyOrText;
    }

    public String message(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    public String value(Board.Kpi kpi) {
        return Figures.compact(kpi.value(), kpi.unit());
    }

    public String kpi(Board.Kpi kpi, Locale locale) {
        return message("dashboard.kpi." + kpi.key(), locale);
    }

    public String chartTitle(Board.Chart chart, Locale locale) {
        return message("dashboard.chart." + chart.key(), locale);
    }

    public List<String> categories(Board.Chart chart, Locale locale) {
        return chart.categories().stream().map(c -> text(c, locale)).toList();
    }

    /** What the page's script needs to draw the chart: translated names, the values, the link per category. */
    public String chartJson(Board.Chart chart, Locale locale) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("type", chart.type());
        spec.put("unit", chart.unit().name());
        spec.put("categories", categories(chart, locale));
        spec.put("links", chart.linkKeys() == null ? List.of() : chart.linkKeys().stream()
                .map(k -> chart.link() == null ? null : chart.link().replace("{category}", k)).toList());
        spec.put("series", chart.series().stream().map(s -> Map.of("name", message(s.key(), locale), "type", s.type(),
                "values", s.values())).toList());
        return json.writeValueAsString(spec);
    }
}
