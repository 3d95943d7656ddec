package cn.liftcare.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import cn.liftcare.support.DemoUsers;
import cn.liftcare.support.Html;
import cn.liftcare.support.LiftCareTest;

/**
 * The static files and WebJars are still served, and the pages still link the WebJars by version, with static
 * resources mapped to /css, /js and /img only (spring.mvc.static-path-pattern) rather than to every path.
 */
@LiftCareTest
class StaticResourcesIT {

    @Autowired MockMvc mvc;
    @Autowired DemoUsers users;

    @Test
    void staticFilesAndWebJarsAreServedAndLinkedByVersion() throws Exception {
        mvc.perform(get("/css/app.css")).andExpect(status().isOk());
        mvc.perform(get("/js/app.js")).andExpect(status().isOk());
        mvc.perform(get("/webjars/htmx.org/dist/htmx.min.js")).andExpect(status().isOk());
        mvc.perform(get("/webjars/echarts/dist/echarts.min.js")).andExpect(status().isOk());

        Document home = Html.of(mvc.perform(get("/").with(users.as("property"))));
        String htmx = home.selectFirst("script[src*=htmx]").attr("src");
        assertThat(htmx).matches("/webjars/htmx\\.org/\\d[^/]*/dist/htmx\\.min\\.js");
        mvc.perform(get(htmx)).andExpect(status().isOk());
        assertThat(home.selectFirst("link[href*=app.css]").attr("href")).isEqualTo("/css/app.css");
        // a page's own links are written as they are
        assertThat(home.select("#pensionByElevator-table a[href^=/elevators/]")).isNotEmpty();
    }
}
