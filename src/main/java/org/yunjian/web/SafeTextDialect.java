package org.yunjian.web;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IPostProcessorDialect;
import org.thymeleaf.engine.AbstractTemplateHandler;
import org.thymeleaf.model.IAttribute;
import org.thymeleaf.model.ICDATASection;
import org.thymeleaf.model.IComment;
import org.thymeleaf.model.IModelFactory;
import org.thymeleaf.model.IOpenElementTag;
import org.thymeleaf.model.IProcessableElementTag;
import org.thymeleaf.model.IStandaloneElementTag;
import org.thymeleaf.model.IText;
import org.thymeleaf.postprocessor.IPostProcessor;
import org.thymeleaf.postprocessor.PostProcessor;
import org.thymeleaf.templatemode.TemplateMode;
import org.yunjian.shared.Text;

/**
 * Every page (and every fragment htmx asks for) leaves the server under {@link Text#safe} — the function documents,
 * JSON and CSV use: a control character other than TAB/LF/CR, a lone surrogate or a noncharacter stored in the
 * database (written before the input rule, or around it) is shown as U+FFFD, never sent as is. One Thymeleaf
 * post-processor sees the finished output of every template — text from {@code th:text}, {@code th:utext} and
 * inlined expressions, every attribute value, comments and CDATA — so no template has to remember it. Spring Boot
 * adds the dialect to the template engine; the PDF reports rendered from templates pass through it too.
 */
@Component
class SafeTextDialect extends AbstractDialect implements IPostProcessorDialect {

    SafeTextDialect() {
        super("yunjian-safe-text");
    }

    @Override
    public int getDialectPostProcessorPrecedence() {
        return Integer.MAX_VALUE; // after every other post-processor: the last look at the output
    }

    @Override
    public Set<IPostProcessor> getPostProcessors() {
        return EnumSet.complementOf(EnumSet.of(TemplateMode.RAW)).stream()
                .map(mode -> (IPostProcessor) new PostProcessor(mode, Handler.class, Integer.MAX_VALUE))
                .collect(Collectors.toSet());
    }

    /** Replaces each output event that holds a character {@link Text#safe} replaces; passes the others unchanged. */
    public static final class Handler extends AbstractTemplateHandler {

        public Handler() {
            super();
        }

        @Override
        public void handleText(IText text) {
            super.handleText(safe(text, text.getText(), factory()::createText));
        }

        @Override
        public void handleComment(IComment comment) {
            super.handleComment(safe(comment, comment.getContent(), factory()::createComment));
        }

        @Override
        public void handleCDATASection(ICDATASection cdata) {
            super.handleCDATASection(safe(cdata, cdata.getContent(), factory()::createCDATASection));
        }

        @Override
        public void handleOpenElement(IOpenElementTag tag) {
            super.handleOpenElement(safeAttributes(tag));
        }

        @Override
        public void handleStandaloneElement(IStandaloneElementTag tag) {
            super.handleStandaloneElement(safeAttributes(tag));
        }

        private <T extends IProcessableElementTag> T safeAttributes(T tag) {
            T out = tag;
            for (IAttribute a : tag.getAllAttributes()) {
                String value = a.getValue();
                String safe = Text.safe(value);
                if (safe != value) {
                    out = factory().setAttribute(out, a.getAttributeCompleteName(), safe, a.getValueQuotes());
                }
            }
            return out;
        }

        /** {@code event} itself when {@code content} is safe (the usual case), else a new event of the safe form. */
        private static <T> T safe(T event, String content, Function<String, T> create) {
            String safe = Text.safe(content);
            return safe == content ? event : create.apply(safe);
        }

        private IModelFactory factory() {
            return getContext().getModelFactory();
        }
    }
}
