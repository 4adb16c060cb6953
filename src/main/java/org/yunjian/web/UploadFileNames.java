package org.yunjian.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.apache.tomcat.util.http.fileupload.InvalidFileNameException;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.multipart.support.StandardServletMultipartResolver;
import org.springframework.web.servlet.DispatcherServlet;
import org.yunjian.shared.Text;

/**
 * Every upload's file names, at the one place every multipart request is parsed (evidence, workbooks, imports,
 * manifests, lifecycle documents…): a name that breaks {@link Text}'s rule for single-line text (a NUL, which
 * Tomcat refuses while parsing, or another control character, a bidirectional override) is refused before any
 * handler runs, so nothing is stored; {@link BadRequests} answers 400 naming the problem. Otherwise Spring Boot's
 * default resolver (parsed eagerly).
 */
@Component(DispatcherServlet.MULTIPART_RESOLVER_BEAN_NAME)
class UploadFileNames extends StandardServletMultipartResolver {

    /** An upload whose file name cannot be used. */
    static final class Refused extends MultipartException {

        private final transient String fileName;

        Refused(String fileName, Throwable cause) {
            super("file name refused", cause);
            this.fileName = fileName;
        }

        String fileName() {
            return fileName;
        }
    }

    @Override
    public MultipartHttpServletRequest resolveMultipart(HttpServletRequest request) throws MultipartException {
        MultipartHttpServletRequest multipart;
        try {
            multipart = super.resolveMultipart(request);
        } catch (MultipartException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof InvalidFileNameException invalid) {
                    throw new Refused(invalid.getName(), e);
                }
            }
            throw e;
        }
        for (List<MultipartFile> files : multipart.getMultiFileMap().values()) {
            for (MultipartFile file : files) {
                if (!Text.isAcceptable(file.getOriginalFilename(), Text.Kind.LINE)) {
                    throw new Refused(file.getOriginalFilename(), null);
                }
            }
        }
        return multipart;
    }
}
