package cn.liftcare.support;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.springframework.test.web.servlet.ResultActions;

/** Parses a page MockMvc rendered, to check what the reader sees. */
public final class Html {

    private Html() {
    }

    public static Document of(ResultActions result) throws Exception {
        return Jsoup.parse(result.andReturn().getResponse().getContentAsString());
    }

    /** The text of the error shown beside a form field. */
    public static String errorBeside(Document page, String field) {
        var error = page.selectFirst("[data-error-for=" + field + "]");
        return error == null ? null : error.text();
    }
}
