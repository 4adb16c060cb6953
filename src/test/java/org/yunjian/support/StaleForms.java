package org.yunjian.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.servlet.FlashMap;

/**
 * A page form refused for its version (stale, or naming none) on a page that answers with a redirect: posts it,
 * follows the redirect with its flash as the browser would, and returns the page shown — which must carry the clear
 * refusal ({@code id="stale-version"}, {@code templates/web/locking.html}).
 */
public final class StaleForms {

    private StaleForms() {}

    /** The page {@code page} shows after {@code form} (a multipart upload too) was refused, read as {@code who}. */
    public static String pageAfter(
            MockMvc mvc, AbstractMockHttpServletRequestBuilder<?> form, String page, RequestPostProcessor who)
            throws Exception {
        FlashMap flash = mvc.perform(form.with(who))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getFlashMap();
        String html = mvc.perform(get(page).with(who).flashAttrs(flash))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(html).contains("id=\"stale-version\"");
        return html;
    }
}
